package org.opencentral.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-connection limits. The largest message is not one of them: it is the ingest service's
 * ({@link org.opencentral.platform.ingest.IngestService#limit()}), so the decoder and ingest agree.
 *
 * @param messagesPerSecond sustained PUBLISH rate per device; above it reading pauses (traffic shaping); 0 = unlimited
 * @param burst PUBLISH packets a device may send at once before shaping starts
 * @param maxUnacknowledged telemetry messages awaiting durability per connection before it is closed
 * @param connectTimeout how long a new connection may take to send CONNECT
 * @param maxKeepAlive cap on the server-side keep-alive timeout (IoT Hub: 1767 s)
 */
public record MqttLimits(double messagesPerSecond, int burst, int maxUnacknowledged,
        Duration connectTimeout, Duration maxKeepAlive) {
    public static final MqttLimits DEFAULTS = new MqttLimits(100, 200, 1000,
            Duration.ofSeconds(10), Duration.ofSeconds(1767));

    public MqttLimits {
        if (messagesPerSecond < 0 || burst < 1 || maxUnacknowledged < 1) {
            throw new IllegalArgumentException("messagesPerSecond must be >= 0, burst and maxUnacknowledged >= 1");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(maxKeepAlive, "maxKeepAlive");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || maxKeepAlive.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be positive, maxKeepAlive not negative");
        }
    }

    public MqttLimits withRate(double newMessagesPerSecond, int newBurst) {
        return new MqttLimits(newMessagesPerSecond, newBurst, maxUnacknowledged, connectTimeout,
                maxKeepAlive);
    }

    public MqttLimits withConnectTimeout(Duration timeout) {
        return new MqttLimits(messagesPerSecond, burst, maxUnacknowledged, timeout, maxKeepAlive);
    }
}
