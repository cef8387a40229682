package org.opencentral.transport.internal.connect;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import java.util.Objects;
import org.opencentral.platform.device.DeviceAuthentication;

/** A refused CONNECT: the CONNACK code, a metrics tag and a detail for the log (never a secret). */
public record Refusal(MqttConnectReturnCode code, String tag, String detail) implements ConnectValidation.Validated {
    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(detail, "detail");
    }

    static Refusal identifier(String detail) {
        return new Refusal(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED, "identifier_rejected", detail);
    }

    static Refusal of(DeviceAuthentication.Refused refused) {
        return switch (refused.reason()) {
            case BAD_CREDENTIALS -> badCredentials("bad_credentials", refused.detail());
            case EXPIRED -> badCredentials("expired", refused.detail());
            case UNKNOWN_DEVICE -> badCredentials("unknown_device", refused.detail());
            case DISABLED -> new Refusal(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED, "disabled",
                    refused.detail());
        };
    }

    static Refusal badCredentials(String tag, String detail) {
        return new Refusal(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, tag, detail);
    }

    static Refusal unavailable(String detail) {
        return new Refusal(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE, "unavailable", detail);
    }
}
