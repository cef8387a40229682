package org.opencentral.transport.internal.amqp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.engine.Collector;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.SaslListener;
import org.apache.qpid.proton.engine.Transport;
import org.opencentral.transport.internal.pipeline.CloseReason;
import org.opencentral.transport.internal.pipeline.Disconnects;

/**
 * Drives one Proton-J engine from a Netty channel: bytes read go into the transport's tail, the
 * events it raises go to the {@link AmqpEndpoint}, the frames it produces are written out. SASL
 * ANONYMOUS (devices prove themselves over CBS), or no SASL at all (the SDKs' X.509 devices, which
 * prove themselves with their TLS client certificate). Event loop only: work finishing elsewhere
 * comes back through {@link #run}.
 */
final class AmqpEngine extends ChannelInboundHandlerAdapter {
    /**
     * The longest an engine goes without a tick. It ticks when something is due — the peer's idle
     * timeout (an empty frame to send), a device's token expiring — rather than every second: ten
     * thousand connections ticking each second cost the server about 5% of a core (BENCHMARKS.md).
     */
    static final long MAX_TICK_MILLIS = 60_000;

    private final Transport transport = Transport.Factory.create();
    private final Collector collector = Collector.Factory.create();
    private final Connection connection = Connection.Factory.create();
    private final AmqpEndpoint endpoint;
    private ChannelHandlerContext ctx;
    private boolean ticking;
    private ScheduledFuture<?> nextTick;
    private long nextTickAt = Long.MAX_VALUE;
    private final java.util.Queue<Runnable> queued = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean drainScheduled = new java.util.concurrent.atomic.AtomicBoolean();

    AmqpEngine(AmqpEndpoint.Factory endpoints, int maxFrameBytes) {
        this.endpoint = endpoints.create(this);
        transport.setMaxFrameSize(maxFrameBytes);
        Sasl sasl = transport.sasl();
        sasl.server();
        sasl.setMechanisms("ANONYMOUS");
        sasl.allowSkip(true);
        sasl.setListener(new SaslListener() {
            @Override
            public void onSaslInit(Sasl sasl, Transport transport) {
                sasl.done(java.util.Arrays.asList(sasl.getRemoteMechanisms()).contains("ANONYMOUS")
                        ? Sasl.SaslOutcome.PN_SASL_OK : Sasl.SaslOutcome.PN_SASL_AUTH);
            }

            @Override
            public void onSaslResponse(Sasl sasl, Transport transport) {
            }

            @Override
            public void onSaslMechanisms(Sasl sasl, Transport transport) {
            }

            @Override
            public void onSaslChallenge(Sasl sasl, Transport transport) {
            }

            @Override
            public void onSaslOutcome(Sasl sasl, Transport transport) {
            }
        });
        connection.collect(collector);
        transport.bind(connection);
    }

    Connection connection() {
        return connection;
    }

    io.netty.channel.Channel channel() {
        return ctx.channel();
    }

    /** Added to a connection that is already open (AMQP over WebSockets, after the handshake): starts at once. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive()) {
            startTicking();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        startTicking();
        ctx.fireChannelActive();
    }

    private void startTicking() {
        if (!ticking) {
            ticking = true;
            tick();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            while (bytes.isReadable()) {
                int capacity = transport.capacity();
                if (capacity <= 0) {
                    Disconnects.close(ctx.channel(), CloseReason.PROTOCOL_VIOLATION, "the AMQP transport is closed");
                    return;
                }
                ByteBuffer tail = transport.tail();
                int length = Math.min(tail.remaining(), bytes.readableBytes());
                ByteBuffer window = tail.duplicate();
                window.limit(window.position() + length);
                bytes.readBytes(window);
                tail.position(tail.position() + length);
                transport.process();
                pump();
            }
        } finally {
            bytes.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        endpoint.ended();
        ctx.fireChannelInactive();
    }

    /**
     * Runs {@code work} on the event loop, then lets the engine write what it produced; callable from
     * any thread. Work arriving together (the settlements of one durable batch) runs in one task
     * with one write and flush, as MQTT's PUBACKs of a batch do.
     */
    void run(Runnable work) {
        queued.add(work);
        if (drainScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        boolean active = ctx.channel().isActive();
        for (Runnable work = queued.poll(); work != null; work = queued.poll()) {
            if (active) {
                work.run();
            }
        }
        if (active) {
            pump();
        }
    }

    void schedule(Runnable work, long delay, TimeUnit unit) {
        ctx.executor().schedule(() -> run(work), delay, unit);
    }

    /** Closes the connection with an error the device sees before the socket closes. */
    void close(org.apache.qpid.proton.amqp.transport.ErrorCondition condition, CloseReason reason) {
        connection.setCondition(condition);
        connection.close();
        pump();
        Disconnects.close(ctx.channel(), reason, condition.getDescription());
    }

    /**
     * Makes the engine tick no later than {@code at} (wall clock): when a device's token expires, or
     * at once when the peer's open announced its idle timeout. Event loop only.
     */
    void tickBy(Instant at) {
        if (ticking && at.toEpochMilli() < nextTickAt) {
            scheduleTick(at.toEpochMilli());
        }
    }

    private void scheduleTick(long atMillis) {
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        nextTickAt = atMillis;
        nextTick = ctx.executor().schedule(this::tick, Math.max(0, atMillis - System.currentTimeMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** Ticks Proton's transport (idle timeouts) and the endpoint (token expiry), then schedules the next tick. */
    private void tick() {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.currentTimeMillis();
        long transportDue = transport.tick(now);   // 0: no idle timeout to keep
        endpoint.tick();
        pump();
        long next = now + MAX_TICK_MILLIS;
        if (transportDue > 0) {
            next = Math.min(next, transportDue);
        }
        next = Math.min(next, endpoint.nextTick().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
        scheduleTick(Math.max(next, now + 1));
    }

    /** Hands every pending event to the endpoint, then writes the frames the engine has ready. */
    private void pump() {
        Event event;
        while ((event = collector.peek()) != null) {
            endpoint.handle(event);
            collector.pop();
        }
        boolean wrote = false;
        int pending;
        while ((pending = transport.pending()) > 0) {
            ByteBuffer head = transport.head();
            ctx.write(ctx.alloc().buffer(pending).writeBytes(head.duplicate().limit(head.position() + pending)));
            transport.pop(pending);
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
        if (pending < 0 && transport.capacity() < 0) {
            Disconnects.close(ctx.channel(), CloseReason.CLIENT_DISCONNECT, "the AMQP connection closed");
        }
    }
}
