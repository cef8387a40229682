package org.opencentral.sim.mqtt;

import java.util.Objects;
import java.util.Optional;

/**
 * What one connection sends in its CONNECT packet.
 *
 * @param clientId         MQTT client identifier
 * @param username         user name, if any
 * @param password         password (e.g. a SAS token), if any
 * @param keepAliveSeconds keep-alive announced to the server; a PINGREQ is sent after half of it without writes
 */
public record ConnectSpec(String clientId, Optional<String> username, Optional<String> password, int keepAliveSeconds) {
    public ConnectSpec {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("keepAliveSeconds out of range: " + keepAliveSeconds);
        }
    }
}
