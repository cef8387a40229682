package org.opencentral.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT listeners and limits. A listener that is empty is not started; port 0 binds an
 * ephemeral port (see {@link BoundPorts}).
 *
 * @param mqtts MQTT over TLS (IoT Hub: 8883)
 * @param mqtt plain MQTT, meant for loopback only (development)
 * @param websocket MQTT over secure WebSockets at {@value MqttServer#WEBSOCKET_PATH} (IoT Hub: 443)
 * @param limits per-connection limits
 * @param maxConnections open connections accepted, all listeners together; further ones are closed at once
 * @param amqps AMQP 1.0 over TLS for devices (IoT Hub: 5671)
 */
public record MqttServerConfig(Optional<Endpoint> mqtts, Optional<Endpoint> mqtt, Optional<Endpoint> websocket,
        MqttLimits limits, int maxConnections, Optional<Endpoint> amqps) {
    public static final int DEFAULT_MAX_CONNECTIONS = 100_000;

    public static final MqttServerConfig DEFAULTS = new MqttServerConfig(
            Optional.of(new Endpoint("0.0.0.0", 8883)),
            Optional.of(new Endpoint("127.0.0.1", 1883)),
            Optional.of(new Endpoint("0.0.0.0", 8443)),
            MqttLimits.DEFAULTS, DEFAULT_MAX_CONNECTIONS, Optional.of(new Endpoint("0.0.0.0", 5671)));

    public MqttServerConfig {
        Objects.requireNonNull(mqtts, "mqtts");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(websocket, "websocket");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(amqps, "amqps");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
    }

    /** The MQTT listeners only (no AMQPS). */
    public MqttServerConfig(Optional<Endpoint> mqtts, Optional<Endpoint> mqtt, Optional<Endpoint> websocket,
            MqttLimits limits, int maxConnections) {
        this(mqtts, mqtt, websocket, limits, maxConnections, Optional.empty());
    }

    /** The same listeners with per-connection limits only (the default connection cap). */
    public MqttServerConfig(Optional<Endpoint> mqtts, Optional<Endpoint> mqtt, Optional<Endpoint> websocket,
            MqttLimits limits) {
        this(mqtts, mqtt, websocket, limits, DEFAULT_MAX_CONNECTIONS);
    }

    /** Whether a listener needs a TLS certificate. */
    public boolean needsTls() {
        return mqtts.isPresent() || websocket.isPresent() || amqps.isPresent();
    }

    /** A bind address and port. */
    public record Endpoint(String host, int port) {
        public Endpoint {
            Objects.requireNonNull(host, "host");
            if (host.isBlank() || port < 0 || port > 65535) {
                throw new IllegalArgumentException("invalid endpoint " + host + ":" + port);
            }
        }

        public static Endpoint loopback(int port) {
            return new Endpoint("127.0.0.1", port);
        }
    }
}
