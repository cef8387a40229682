package org.opencentral.server.config;

import java.util.Objects;

/**
 * The plain HTTP listener: REST API under {@code /api}, the UI, {@code /metrics} and {@code /healthz}
 * without TLS. The same are served over TLS on the HTTPS port ({@link MqttConfig#httpsPort()}); plain
 * HTTP binds the loopback address by default, so tokens, passwords and session cookies never cross
 * the network in clear unless an operator binds it wider on purpose.
 *
 * @param bindAddress IP address to bind: {@value #DEFAULT_BIND_ADDRESS} by default, {@code 0.0.0.0} for all interfaces
 * @param port        TCP port; 0 picks a free port (tests)
 */
public record HttpConfig(String bindAddress, int port) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    public HttpConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Ports.require("http port", port);
    }

    public static HttpConfig defaults() {
        return new HttpConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT);
    }
}
