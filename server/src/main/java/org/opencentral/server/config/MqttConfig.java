package org.opencentral.server.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The device listeners.
 *
 * @param bindAddress IP address the TLS listeners (MQTTS, AMQPS and HTTPS) bind, {@code 0.0.0.0} for all
 * @param mqttsPort   MQTT 3.1.1 over TLS; 0 picks a free port (tests)
 * @param plainPort   plain MQTT, bound to {@link #plainBindAddress()} (loopback) only; empty when
 *                    disabled, 0 picks a free port (tests)
 * @param httpsPort   the TLS listener for MQTT and AMQP over WebSockets ({@code /$iothub/websocket}), DPS
 *                    and the device API over HTTPS, the web UI and REST API; empty when disabled, 0 picks
 *                    a free port (tests)
 * @param amqpsPort   AMQP 1.0 over TLS for devices (IoT Hub's 5671); empty when disabled, 0 picks a
 *                    free port (tests)
 */
public record MqttConfig(String bindAddress, int mqttsPort, OptionalInt plainPort, OptionalInt httpsPort,
        OptionalInt amqpsPort) {
    public static final int DEFAULT_MQTTS_PORT = 8883;
    public static final int DEFAULT_PLAIN_PORT = 1883;
    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final int DEFAULT_AMQPS_PORT = 5671;

    public MqttConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Ports.require("mqtts port", mqttsPort);
        Objects.requireNonNull(plainPort, "plainPort");
        plainPort.ifPresent(p -> Ports.require("plain mqtt port", p));
        Objects.requireNonNull(httpsPort, "httpsPort");
        httpsPort.ifPresent(p -> Ports.require("https port", p));
        Objects.requireNonNull(amqpsPort, "amqpsPort");
        amqpsPort.ifPresent(p -> Ports.require("amqps port", p));
    }

    /** The MQTT and HTTPS listeners without AMQPS. */
    public MqttConfig(String bindAddress, int mqttsPort, OptionalInt plainPort, OptionalInt httpsPort) {
        this(bindAddress, mqttsPort, plainPort, httpsPort, OptionalInt.empty());
    }

    public static MqttConfig defaults() {
        return new MqttConfig("0.0.0.0", DEFAULT_MQTTS_PORT,
                OptionalInt.of(DEFAULT_PLAIN_PORT), OptionalInt.of(DEFAULT_HTTPS_PORT),
                OptionalInt.of(DEFAULT_AMQPS_PORT));
    }

    /** Plain (unencrypted) MQTT is for development and always binds the loopback address. */
    public String plainBindAddress() {
        return "127.0.0.1";
    }
}
