package org.opencentral.transport.internal.session;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.opencentral.platform.ingest.IngestService;
import org.opencentral.platform.ingest.TelemetryMessage;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.pipeline.CloseReason;
import org.opencentral.transport.internal.topic.PropertyBag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device-to-cloud messages: appended to the event log through {@link IngestService}; a QoS 1
 * message is acknowledged only once the append is durable (told through the event loop's
 * {@link DurableAcks}, a batch at a time), and a failed append closes the connection without
 * PUBACK so that the device sends it again.
 */
final class TelemetryIngest {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryIngest.class);

    private final DeviceConnection connection;
    private final IngestService ingest;
    private final TrafficShaper shaper;
    private final MqttMetrics metrics;
    private final DurableAcks acks;
    /** Durable messages whose PUBACK traffic shaping holds back, in order (event loop only). */
    private final ArrayDeque<DurableAcks.Ack> held = new ArrayDeque<>();

    TelemetryIngest(DeviceConnection connection, IngestService ingest, TrafficShaper shaper, MqttMetrics metrics,
            DurableAcks acks) {
        this.connection = connection;
        this.ingest = ingest;
        this.shaper = shaper;
        this.metrics = metrics;
        this.acks = acks;
    }

    /** Event loop; {@code ackNotBefore} is the {@link System#nanoTime()} traffic shaping holds the PUBACK until. */
    void handle(MqttPublishMessage publish, PropertyBag properties, long ackNotBefore) {
        long start = System.nanoTime();
        metrics.received(MessageKind.TELEMETRY);
        if (!ingest.limit().admits(publish.payload().readableBytes())) {
            connection.close(CloseReason.MESSAGE_TOO_LARGE, publish.payload().readableBytes() + " bytes");
            return;
        }
        TelemetryMessage message = new TelemetryMessage(properties.component(),
                applicationProperties(publish, properties), properties.systemProperties(),
                ByteBufUtil.getBytes(publish.payload()));
        if (publish.fixedHeader().qosLevel() == MqttQoS.AT_MOST_ONCE) {
            append(message).whenComplete((seq, error) -> {
                if (error != null) {
                    metrics.error("ingest_failed_qos0");
                    LOG.debug("QoS 0 message of {} not stored: {}", connection.deviceId(), error.toString());
                }
            });
            return;
        }
        if (!shaper.awaitingAck()) {
            shaper.settled();
            connection.close(CloseReason.BACKLOG_EXCEEDED, "");
            return;
        }
        DurableAcks.Ack ack = new DurableAcks.Ack(this, publish.variableHeader().packetId(), start, ackNotBefore);
        try {
            ingest.telemetry(connection.deviceId(), message, acks, ack);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Event loop, from {@link DurableAcks}: the message is durable. Queues its PUBACK, or holds it
     * (and every later one, to keep their order) while traffic shaping says so. Returns true when the
     * connection's PUBACKs need a {@link DeviceConnection#flushAcks(io.netty.buffer.ByteBuf)}.
     */
    boolean durable(DurableAcks.Ack ack, long nowNanos) {
        if (held.isEmpty() && ack.ackNotBefore() - nowNanos <= 0) {
            return acknowledge(ack, nowNanos);
        }
        held.add(ack);
        if (held.size() == 1) {
            shaper.acknowledgeAt(ack.ackNotBefore(), this::releaseHeld);
        }
        return false;
    }

    /** Event loop: the append failed; the device gets no PUBACK and sends the message again. */
    void failed(Throwable cause) {
        shaper.settled();
        connection.close(CloseReason.INGEST_FAILED, cause.toString());
    }

    DeviceConnection connection() {
        return connection;
    }

    private boolean acknowledge(DurableAcks.Ack ack, long nowNanos) {
        shaper.settled();
        // recorded before the PUBACK leaves, as the HTTPS and AMQP transports do: a device
        // that holds its PUBACK finds the latency counted
        metrics.telemetryAcknowledged(ack.startNanos(), nowNanos);
        return connection.queueAck(ack.packetId());
    }

    /** Event loop: sends the held PUBACKs whose time has come, and waits for the next one. */
    private void releaseHeld() {
        long now = System.nanoTime();
        while (!held.isEmpty() && held.peek().ackNotBefore() - now <= 0) {
            acknowledge(held.poll(), now);
        }
        connection.flushAcks();
        if (!held.isEmpty()) {
            shaper.acknowledgeAt(held.peek().ackNotBefore(), this::releaseHeld);
        }
    }

    private CompletableFuture<Long> append(TelemetryMessage message) {
        try {
            return ingest.telemetry(connection.deviceId(), message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** IoT Hub forwards RETAIN=1 messages with the application property {@code mqtt-retain}. */
    private static Map<String, String> applicationProperties(MqttPublishMessage publish, PropertyBag properties) {
        if (!publish.fixedHeader().isRetain()) {
            return properties.applicationProperties();
        }
        Map<String, String> withRetain = new HashMap<>(properties.applicationProperties());
        withRetain.put("mqtt-retain", "true");
        return withRetain;
    }
}
