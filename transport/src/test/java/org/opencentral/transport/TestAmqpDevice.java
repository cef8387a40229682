package org.opencentral.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.amqp.transport.SenderSettleMode;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.message.Message;

/**
 * A raw AMQP 1.0 device for tests: Proton-J's engine over a blocking TLS socket, driven by hand
 * (no SDK), so that tests can send what an SDK never would.
 */
final class TestAmqpDevice implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transport transport = Transport.Factory.create();
    private final Connection connection = Connection.Factory.create();
    private final Session session;
    private final Sender cbsRequests;
    private final Receiver cbsReplies;
    private int tags;

    TestAmqpDevice(int port, X509Certificate trusted) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", trusted);
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout((int) WAIT.toMillis());
        socket.startHandshake();
        socket.setSoTimeout(50);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        Sasl sasl = transport.sasl();
        sasl.client();
        sasl.setMechanisms("ANONYMOUS");
        transport.bind(connection);
        connection.setHostname(TestPlatform.HOST);
        connection.setContainer("test-device");
        connection.open();
        session = connection.session();
        session.open();
        cbsRequests = session.sender("cbs-requests");
        cbsRequests.setTarget(target("$cbs"));
        cbsRequests.open();
        cbsReplies = session.receiver("cbs-replies");
        cbsReplies.setSource(source("$cbs"));
        cbsReplies.open();
        cbsReplies.flow(10);
        pumpUntil(() -> cbsReplies.getRemoteState() == EndpointState.ACTIVE);
    }

    /** Puts a SAS token for {@code deviceId} on $cbs and answers the status code. */
    int putToken(String deviceId, String token) {
        Message request = Message.Factory.create();
        Properties properties = new Properties();
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setReplyTo("cbs");
        request.setProperties(properties);
        request.setApplicationProperties(new ApplicationProperties(Map.of("operation", "put-token",
                "type", "servicebus.windows.net:sastoken", "name", TestPlatform.HOST + "/devices/" + deviceId)));
        request.setBody(new AmqpValue(token));
        send(cbsRequests, request);
        pumpUntil(() -> cbsReplies.current() != null && !cbsReplies.current().isPartial());
        Message reply = receive(cbsReplies);
        if (!properties.getMessageId().equals(reply.getCorrelationId())) {
            throw new IllegalStateException("the CBS reply does not correlate: " + reply.getCorrelationId());
        }
        return ((Number) reply.getApplicationProperties().getValue().get("status-code")).intValue();
    }

    /** A sender link to {@code address}, once the server answered its attach (check its remote target). */
    Sender sender(String address) {
        Sender sender = session.sender("sender-" + UUID.randomUUID());
        sender.setTarget(target(address));
        sender.setSenderSettleMode(SenderSettleMode.UNSETTLED);
        sender.open();
        pumpUntil(() -> sender.getRemoteState() != EndpointState.UNINITIALIZED);
        pumpUntil(() -> sender.getRemoteTarget() == null ? sender.getRemoteState() == EndpointState.CLOSED
                : sender.getCredit() > 0 || sender.getRemoteState() == EndpointState.CLOSED);
        return sender;
    }

    /** A receiver link from {@code address} with credit, once the server answered its attach. */
    Receiver receiver(String address, int credit) {
        Receiver receiver = session.receiver("receiver-" + UUID.randomUUID());
        receiver.setSource(source(address));
        receiver.open();
        receiver.flow(credit);
        pumpUntil(() -> receiver.getRemoteState() != EndpointState.UNINITIALIZED);
        pumpUntil(() -> receiver.getRemoteSource() != null || receiver.getRemoteState() == EndpointState.CLOSED);
        return receiver;
    }

    /** Sends a message with a body and application properties; answers the server's disposition. */
    DeliveryState sendTelemetry(Sender sender, byte[] body, Map<String, Object> applicationProperties) {
        Message message = Message.Factory.create();
        message.setApplicationProperties(new ApplicationProperties(applicationProperties));
        message.setBody(new Data(new Binary(body)));
        Delivery delivery = send(sender, message);
        pumpUntil(() -> delivery.remotelySettled() || sender.getRemoteState() == EndpointState.CLOSED);
        DeliveryState state = delivery.getRemoteState();
        delivery.settle();
        return state;
    }

    /** Sends {@code message} and answers the server's disposition once it settled the delivery. */
    DeliveryState sendMessage(Sender sender, Message message) {
        Delivery delivery = send(sender, message);
        pumpUntil(() -> delivery.remotelySettled() || sender.getRemoteState() == EndpointState.CLOSED);
        DeliveryState state = delivery.getRemoteState();
        delivery.settle();
        return state;
    }

    /** The next message on {@code receiver} and its delivery, which the caller disposes of. */
    Received awaitMessage(Receiver receiver) {
        pumpUntil(() -> receiver.current() != null && !receiver.current().isPartial());
        Delivery delivery = receiver.current();
        return new Received(receive(receiver), delivery);
    }

    record Received(Message message, Delivery delivery) {
        String body() {
            return new String(((Data) message.getBody()).getValue().getArray(), StandardCharsets.UTF_8);
        }
    }

    /** Settles a received message with {@code state} and lets the server see it. */
    void dispose(Delivery delivery, DeliveryState state) {
        delivery.disposition(state);
        delivery.settle();
        pumpUntil(() -> transport.pending() == 0);
    }

    void pumpUntil(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no answer from the server within " + WAIT);
            }
            pump();
        }
    }

    /** Whether the server closed the link, and with which error condition. */
    static String remoteError(Link link) {
        return link.getRemoteState() == EndpointState.CLOSED && link.getRemoteCondition() != null
                && link.getRemoteCondition().getCondition() != null
                ? link.getRemoteCondition().getCondition().toString() : "";
    }

    private Delivery send(Sender sender, Message message) {
        pumpUntil(() -> sender.getCredit() > 0);
        byte[] buffer = new byte[1024 * 1024];
        int length = message.encode(buffer, 0, buffer.length);
        Delivery delivery = sender.delivery(Integer.toString(tags++).getBytes(StandardCharsets.UTF_8));
        sender.send(buffer, 0, length);
        sender.advance();
        pump();
        return delivery;
    }

    private static Message receive(Receiver receiver) {
        Delivery delivery = receiver.current();
        byte[] bytes = new byte[delivery.pending()];
        int read = receiver.recv(bytes, 0, bytes.length);
        receiver.advance();
        Message message = Message.Factory.create();
        message.decode(bytes, 0, read);
        return message;
    }

    /** Writes what the engine produced, then reads what arrived within the socket's short timeout. */
    void pump() {
        try {
            while (transport.pending() > 0) {
                ByteBuffer head = transport.head();
                byte[] chunk = new byte[transport.pending()];
                head.get(chunk);
                out.write(chunk);
                transport.pop(chunk.length);
            }
            out.flush();
            byte[] chunk = new byte[16 * 1024];
            int read;
            try {
                read = in.read(chunk);
            } catch (SocketTimeoutException e) {
                return;
            }
            if (read < 0) {
                throw new IllegalStateException("the server closed the socket");
            }
            for (int offset = 0; offset < read; ) {
                ByteBuffer tail = transport.tail();
                int length = Math.min(tail.remaining(), read - offset);
                tail.put(chunk, offset, length);
                transport.process();
                offset += length;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

    /** Waits until the server closes the connection; answers its error condition. */
    String awaitConnectionClosed() {
        pumpUntil(() -> connection.getRemoteState() == EndpointState.CLOSED);
        return connection.getRemoteCondition() == null || connection.getRemoteCondition().getCondition() == null
                ? "" : connection.getRemoteCondition().getCondition().toString();
    }

    @Override
    public void close() throws IOException {
        if (connection.getRemoteState() != EndpointState.CLOSED) {
            connection.close();
            pump();
        }
        socket.close();
    }
}
