package org.opencentral.transport.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoint's meters: open connections, messages in and out by kind, acknowledgement latency
 * (telemetry receipt → PUBACK, C2D publish → device PUBACK), disconnects and refusals by reason.
 */
public final class MqttMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<MessageKind, Counter> in = new EnumMap<>(MessageKind.class);
    private final Map<MessageKind, Counter> out = new EnumMap<>(MessageKind.class);
    private final Timer telemetryAck;
    private final Timer c2dAck;
    private final Counter throttled;

    public MqttMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("opencentral_mqtt_connections", connections);
        for (MessageKind kind : MessageKind.values()) {
            in.put(kind, Counter.builder("opencentral_mqtt_messages_in").tag("kind", kind.tag())
                    .description("MQTT messages received from devices").register(registry));
            out.put(kind, Counter.builder("opencentral_mqtt_messages_out").tag("kind", kind.tag())
                    .description("MQTT messages sent to devices").register(registry));
        }
        telemetryAck = ackTimer("telemetry");
        c2dAck = ackTimer("c2d");
        throttled = Counter.builder("opencentral_mqtt_throttled")
                .description("times a connection was paused by traffic shaping").register(registry);
    }

    private Timer ackTimer(String kind) {
        return Timer.builder("opencentral_mqtt_ack_latency").tag("kind", kind)
                .description("publish to PUBACK latency").publishPercentileHistogram().register(registry);
    }

    public void connectionOpened() {
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public int openConnections() {
        return connections.get();
    }

    public void received(MessageKind kind) {
        in.get(kind).increment();
    }

    public void sent(MessageKind kind) {
        out.get(kind).increment();
    }

    public void telemetryAcknowledged(long startNanos) {
        telemetryAcknowledged(startNanos, System.nanoTime());
    }

    /** The same with the clock already read ({@code nowNanos}), for a batch of acknowledgements. */
    public void telemetryAcknowledged(long startNanos, long nowNanos) {
        telemetryAck.record(nowNanos - startNanos, TimeUnit.NANOSECONDS);
    }

    public void cloudToDeviceAcknowledged(long startNanos) {
        c2dAck.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    public void throttled() {
        throttled.increment();
    }

    /** A connection ended for {@code reason} (a bounded set of tags). */
    public void disconnected(String reason) {
        registry.counter("opencentral_mqtt_disconnects", "reason", reason).increment();
    }

    /** A CONNECT was refused for {@code reason} (a bounded set of tags). */
    public void refused(String reason) {
        registry.counter("opencentral_mqtt_refused", "reason", reason).increment();
    }

    /**
     * A polling (HTTPS) device settled a cloud-to-device message: {@code outcome} is complete,
     * reject or abandon; {@code held} is false when its lock token held no lock.
     */
    public void cloudToDeviceSettled(String outcome, boolean held) {
        registry.counter("opencentral_c2d_settlements", "outcome", outcome, "lock", held ? "held" : "lost").increment();
    }

    /** A request failed or was refused without closing the connection. */
    public void error(String reason) {
        registry.counter("opencentral_mqtt_errors", "reason", reason).increment();
    }
}
