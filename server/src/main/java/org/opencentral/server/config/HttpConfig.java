package org.opencentral.server.config;

import java.util.Objects;

/**
 * The HTTP listener: REST API under {@code /api}, the UI, {@code /metrics} and {@code /healthz}.
 *
 * @param bindAddress IP address to bind, {@code 0.0.0.0} for all interfaces
 * @param port        TCP port; 0 picks a free port (tests)
 */
public record HttpConfig(String bindAddress, int port) {
    public static final int DEFAULT_PORT = 8080;

    public HttpConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Ports.require("http port", port);
    }

    public static HttpConfig defaults() {
        return new HttpConfig("0.0.0.0", DEFAULT_PORT);
    }
}
