package org.opencentral.sim.amqp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.SenderSettleMode;
import org.apache.qpid.proton.engine.Collector;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.message.Message;
import org.opencentral.sim.client.ConnectFailure;
import org.opencentral.sim.client.ConnectionHandler;

/**
 * Drives one device's Proton-J engine from its Netty channel, on the channel's event loop only:
 * bytes read go into the transport's tail, the events it raises are handled here, the frames it
 * produces are written out (flushed after each read batch, or by {@link AmqpConnection#flush()}).
 * On open: SASL ANONYMOUS, a session, the {@code $cbs} link pair and a put-token of the device's SAS
 * token; once the reply says 200, the telemetry sender link; once that attached, the connection is
 * established. A settlement of a telemetry transfer is an acknowledgement (accepted) or a refusal.
 * The one place a connection's errors end up.
 */
final class AmqpClientEngine extends ChannelInboundHandlerAdapter {
    private final AmqpLogin login;
    private final ConnectionHandler<? super AmqpConnection> session;
    private final CompletableFuture<AmqpConnection> connected;
    private final Transport transport = Transport.Factory.create();
    private final Collector collector = Collector.Factory.create();
    private final Connection amqp = Connection.Factory.create();
    private final String tokenRequestId = UUID.randomUUID().toString();
    private ChannelHandlerContext ctx;
    private Session amqpSession;
    private Sender cbsRequests;
    private Receiver cbsReplies;
    private Sender telemetry;
    private boolean tokenSent;
    private AmqpConnection connection;
    private Throwable failure;

    AmqpClientEngine(AmqpLogin login, ConnectionHandler<? super AmqpConnection> session,
                     CompletableFuture<AmqpConnection> connected) {
        this.login = login;
        this.session = session;
        this.connected = connected;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        Sasl sasl = transport.sasl();
        sasl.client();
        sasl.setMechanisms("ANONYMOUS");
        amqp.collect(collector);
        transport.bind(amqp);
        amqp.setHostname(login.hubHost());
        amqp.setContainer(login.deviceId());
        amqp.open();
        amqpSession = amqp.session();
        amqpSession.open();
        cbsRequests = amqpSession.sender("cbs-requests");
        cbsRequests.setTarget(target(ClaimsBasedSecurity.NODE));
        cbsRequests.open();
        cbsReplies = amqpSession.receiver("cbs-replies");
        cbsReplies.setSource(source(ClaimsBasedSecurity.NODE));
        cbsReplies.open();
        cbsReplies.flow(1);
        flush();
        if (login.keepAliveSeconds() > 0) {
            scheduleTick();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            while (bytes.isReadable() && failure == null) {
                if (transport.capacity() <= 0) {
                    fail(new ConnectFailure("amqp_transport_closed", "the AMQP transport is closed"));
                    return;
                }
                ByteBuffer tail = transport.tail();
                int length = Math.min(tail.remaining(), bytes.readableBytes());
                ByteBuffer window = tail.duplicate();
                window.limit(window.position() + length);
                bytes.readBytes(window);
                tail.position(tail.position() + length);
                transport.process();
                handleEvents();
            }
        } finally {
            bytes.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && connection != null) {
            session.onWritable();
        }
    }

    /** Writes the frames the engine has ready and flushes them. */
    void flush() {
        int pending;
        while ((pending = transport.pending()) > 0) {
            ByteBuffer head = transport.head();
            ctx.write(ctx.alloc().buffer(pending).writeBytes(head.duplicate().limit(head.position() + pending)),
                    ctx.voidPromise());
            transport.pop(pending);
        }
        ctx.flush();
    }

    /** Closes the AMQP connection, then the socket once the close frame is written. */
    void close() {
        amqp.close();
        flush();
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void handleEvents() {
        Event event;
        while ((event = collector.peek()) != null && failure == null) {
            switch (event.getType()) {
                case LINK_FLOW -> flow(event.getLink());
                case LINK_REMOTE_OPEN -> attached(event.getLink());
                case DELIVERY -> delivery(event.getDelivery());
                case LINK_REMOTE_CLOSE, LINK_REMOTE_DETACH ->
                        fail(refusal("amqp_link_closed", event.getLink().getRemoteCondition()));
                case CONNECTION_REMOTE_CLOSE -> fail(refusal("amqp_closed", amqp.getRemoteCondition()));
                case TRANSPORT_ERROR -> fail(refusal("amqp_transport_error", transport.getCondition()));
                default -> { }
            }
            collector.pop();
        }
    }

    private void flow(Link link) {
        if (link == cbsRequests && !tokenSent && cbsRequests.getCredit() > 0) {
            tokenSent = true;
            send(cbsRequests, AmqpMessages.encode(ClaimsBasedSecurity.putToken(login, tokenRequestId)));
        } else if (link == telemetry && connection != null && telemetry.getCredit() > 0) {
            session.onWritable();
        }
    }

    private void attached(Link link) {
        if (link == telemetry && link.getRemoteTarget() != null && connection == null) {
            connection = new AmqpConnection(ctx.channel(), this, telemetry, login.telemetryAddress());
            session.onConnected(connection);
            connected.complete(connection);
        }
    }

    private void delivery(Delivery delivery) {
        Link link = delivery.getLink();
        if (link == telemetry && delivery.remotelySettled()) {
            int id = AmqpConnection.id(delivery.getTag());
            DeliveryState state = delivery.getRemoteState();
            delivery.settle();
            if (state instanceof Accepted) {
                session.onAcknowledged(id);
            } else {
                session.onRefused(id, outcome(state));
            }
        } else if (link == cbsReplies && delivery.isReadable() && !delivery.isPartial()) {
            byte[] bytes = new byte[delivery.pending()];
            int read = cbsReplies.recv(bytes, 0, bytes.length);
            cbsReplies.advance();
            delivery.disposition(Accepted.getInstance());
            delivery.settle();
            tokenAnswered(AmqpMessages.decode(bytes, read));
        } else if (link == cbsRequests && delivery.remotelySettled()) {
            delivery.settle();
        }
    }

    private void tokenAnswered(Message reply) {
        int status = ClaimsBasedSecurity.status(reply).orElse(0);
        if (!tokenRequestId.equals(reply.getCorrelationId()) || status != 200) {
            fail(new ConnectFailure("cbs_" + status, "put-token answered " + status));
            return;
        }
        telemetry = amqpSession.sender("telemetry-" + login.deviceId());
        telemetry.setTarget(target(login.telemetryAddress()));
        telemetry.setSource(source(login.deviceId()));
        telemetry.setSenderSettleMode(SenderSettleMode.UNSETTLED);
        telemetry.open();
    }

    private static void send(Sender sender, byte[] message) {
        sender.delivery(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sender.send(message, 0, message.length);
        sender.advance();
    }

    /** Ticks the engine (empty frames when the server asked for an idle timeout) every half keep-alive. */
    private void scheduleTick() {
        ctx.executor().schedule(() -> {
            if (ctx.channel().isActive()) {
                transport.tick(TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
                flush();
                scheduleTick();
            }
        }, Math.max(1, login.keepAliveSeconds() / 2), TimeUnit.SECONDS);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Throwable cause = failure != null ? failure
                : new ConnectFailure(connection == null ? "closed_before_attach" : "closed_by_server", "connection closed");
        boolean beforeAttach = connected.completeExceptionally(cause) || connection == null;
        if (!beforeAttach && !connection.isClosing()) {
            session.onClosed(cause);
        }
    }

    private void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        ctx.close();
    }

    /** {@code amqp_closed_unauthorized-access} and the server's description. */
    private static ConnectFailure refusal(String kind, ErrorCondition condition) {
        if (condition == null || condition.getCondition() == null) {
            return new ConnectFailure(kind, kind);
        }
        return new ConnectFailure(kind + "_" + AmqpMessages.shortName(condition.getCondition()),
                condition.getCondition() + ": " + condition.getDescription());
    }

    /** {@code rejected_message-size-exceeded}, {@code released}, … */
    private static String outcome(DeliveryState state) {
        return switch (state) {
            case Rejected rejected when rejected.getError() != null && rejected.getError().getCondition() != null ->
                    "rejected_" + AmqpMessages.shortName(rejected.getError().getCondition());
            case null -> "settled_without_outcome";
            default -> state.getType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Target target(String address) {
        Target target = new Target();
        target.setAddress(address);
        return target;
    }

    private static Source source(String address) {
        Source source = new Source();
        source.setAddress(address);
        return source;
    }
}
