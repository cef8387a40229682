package org.opencentral.sim.amqp;

import java.util.Objects;

/**
 * How one device connects over AMQP.
 *
 * @param deviceId         the device, also the connection's container id
 * @param hubHost          the host name of the connection's open and of the token's audience
 *                         ({@code {hubHost}/devices/{deviceId}})
 * @param sasToken         the device's SAS token, put on {@code $cbs}
 * @param keepAliveSeconds how often an idle connection ticks its engine (empty frames when the server
 *                         asks for an idle timeout); 0 = never
 */
public record AmqpLogin(String deviceId, String hubHost, String sasToken, int keepAliveSeconds) {
    public AmqpLogin {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(hubHost, "hubHost");
        Objects.requireNonNull(sasToken, "sasToken");
        if (keepAliveSeconds < 0) {
            throw new IllegalArgumentException("keepAliveSeconds must not be negative");
        }
    }

    /** The device's telemetry node, the target of its sender link. */
    public String telemetryAddress() {
        return telemetryAddress(deviceId);
    }

    /** The telemetry node of {@code deviceId}. */
    public static String telemetryAddress(String deviceId) {
        return "/devices/" + deviceId + "/messages/events";
    }

    /** The audience of the device's token: the {@code name} of its put-token request. */
    String audience() {
        return hubHost + "/devices/" + deviceId;
    }
}
