package org.opencentral.transport.internal.connect;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import java.nio.charset.StandardCharsets;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.transport.internal.topic.Decoded;

/**
 * Checks a CONNECT before authentication: MQTT 3.1.1, client id = device id = username's device
 * (or registration, for DPS). A missing password means X.509: the TLS client certificate decides.
 */
public final class ConnectValidation {
    /** A request ready for authentication, or the reason it is refused. */
    public sealed interface Validated permits ConnectRequest, ProvisioningConnect, Refusal {
    }

    private ConnectValidation() {
    }

    public static Validated validate(MqttConnectMessage connect) {
        MqttConnectVariableHeader header = connect.variableHeader();
        MqttConnectPayload payload = connect.payload();
        if (header.version() != 4) {
            return new Refusal(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
                    "protocol_version", "MQTT protocol level " + header.version() + " (only 3.1.1 is supported)");
        }
        DeviceId id;
        try {
            id = DeviceId.of(payload.clientIdentifier());
        } catch (DomainException e) {
            return Refusal.identifier(payload.clientIdentifier() != null && payload.clientIdentifier().contains("/")
                    ? "module identities are not supported" : "client id is not a valid device id");
        }
        if (!header.hasUserName()) {
            return Refusal.identifier("missing username");
        }
        java.util.Optional<String[]> dps = UsernameParser.provisioning(payload.userName());
        if (dps.isPresent()) {
            return provisioning(header, payload, id, dps.get());
        }
        return switch (UsernameParser.parse(payload.userName())) {
            case Decoded.Failed<ConnectUsername> failed -> Refusal.identifier(failed.reason());
            case Decoded.Ok<ConnectUsername> ok when !ok.value().names(id) ->
                    Refusal.identifier("username names another device than the client id");
            case Decoded.Ok<ConnectUsername> ok -> withPassword(header, payload, id, ok.value());
        };
    }

    private static Validated withPassword(MqttConnectVariableHeader header, MqttConnectPayload payload, DeviceId id,
            ConnectUsername username) {
        return new ConnectRequest(id, username, password(header, payload).orElse(""),
                header.keepAliveTimeSeconds(), header.isCleanSession());
    }

    private static Validated provisioning(MqttConnectVariableHeader header, MqttConnectPayload payload, DeviceId id,
            String[] scopeAndRegistration) {
        if (!scopeAndRegistration[1].equals(id.value())) {
            return Refusal.identifier("username names another registration than the client id");
        }
        return new ProvisioningConnect(scopeAndRegistration[0], scopeAndRegistration[1], password(header, payload),
                header.keepAliveTimeSeconds());
    }

    /** The password, if any (none means X.509: the TLS client certificate is the credential). */
    private static java.util.Optional<String> password(MqttConnectVariableHeader header, MqttConnectPayload payload) {
        byte[] password = payload.passwordInBytes();
        if (!header.hasPassword() || password == null || password.length == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new String(password, StandardCharsets.UTF_8));
    }
}
