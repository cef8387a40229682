package org.opencentral.transport.internal.amqp;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.message.Message;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.device.DeviceAuthentication;
import org.opencentral.platform.security.SasToken;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.connect.DeviceCredentials;

/**
 * The {@value AmqpAddress#CBS} node: a {@code put-token} request carries a device's SAS token
 * (type {@code servicebus.windows.net:sastoken}, the audience {@code {host}/devices/{id}} as
 * {@code name}); the platform judges it as it judges an MQTT password and the answer carries
 * {@code status-code} 200, 400 (malformed), 401 (refused) or 403 (disabled) with the request's
 * message id as correlation id. A granted device may attach its links until the token expires.
 */
final class ClaimsBasedSecurity {
    static final String PUT_TOKEN = "put-token";
    static final String SAS_TYPE = "servicebus.windows.net:sastoken";

    private final TransportContext context;

    ClaimsBasedSecurity(TransportContext context) {
        this.context = context;
    }

    /** A device granted until its token's expiry, or the status that refuses the request. */
    record Outcome(int status, String description, Optional<DeviceId> device, Instant expiry) {
        static Outcome refused(int status, String description) {
            return new Outcome(status, description, Optional.empty(), Instant.EPOCH);
        }
    }

    /** Judges a request; completes on the blocking executor. */
    CompletableFuture<Outcome> judge(Message request) {
        Map<String, Object> properties = request.getApplicationProperties() == null ? Map.of()
                : request.getApplicationProperties().getValue();
        Object operation = properties.get("operation");
        Object type = properties.get("type");
        Optional<DeviceId> device = AmqpAddress.audienceDevice(String.valueOf(properties.get("name")));
        if (!PUT_TOKEN.equals(operation) || !SAS_TYPE.equals(type) || device.isEmpty()
                || !(request.getBody() instanceof AmqpValue value) || !(value.getValue() instanceof String token)) {
            return CompletableFuture.completedFuture(Outcome.refused(400,
                    "expected a put-token of a SAS token for a device audience ({host}/devices/{id})"));
        }
        return CompletableFuture.supplyAsync(() -> authenticate(device.get(), token), context.blocking());
    }

    private Outcome authenticate(DeviceId device, String token) {
        return switch (DeviceCredentials.authenticate(context.services(), device, Optional.of(token), Optional.empty())) {
            case DeviceAuthentication.Refused refused -> {
                context.metrics().refused("amqp_" + refused.reason().name().toLowerCase(java.util.Locale.ROOT));
                yield refused.reason() == DeviceAuthentication.Reason.DISABLED
                        ? Outcome.refused(403, "the device is blocked")
                        : Outcome.refused(401, "no valid SAS token for this device");
            }
            case DeviceAuthentication.Accepted accepted -> new Outcome(200, "OK", Optional.of(device),
                    Instant.ofEpochSecond(SasToken.parse(token).orElseThrow().expiry()));
        };
    }

    /** The answer to {@code request}. */
    static Message reply(Message request, Outcome outcome) {
        Message reply = Message.Factory.create();
        Properties properties = new Properties();
        properties.setCorrelationId(request.getMessageId());
        properties.setTo(request.getReplyTo());
        reply.setProperties(properties);
        reply.setApplicationProperties(new ApplicationProperties(Map.of("status-code", outcome.status(),
                "status-description", outcome.description())));
        return reply;
    }
}
