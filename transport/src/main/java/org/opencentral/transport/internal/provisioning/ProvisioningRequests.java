package org.opencentral.transport.internal.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.provisioning.DpsResponse;
import org.opencentral.platform.provisioning.ProvisioningService;
import org.opencentral.platform.provisioning.RegistrationCredential;
import org.opencentral.platform.provisioning.RegistrationRequest;
import org.opencentral.transport.internal.connect.ProvisioningConnect;
import org.opencentral.transport.internal.topic.PropertyBagCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Register and operation-status requests of one DPS connection, run on virtual threads and answered
 * on {@code $dps/registrations/res/{status}/?$rid={rid}[&retry-after={s}]}.
 */
final class ProvisioningRequests {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningRequests.class);

    private final Channel channel;
    private final ProvisioningConnect connect;
    private final RegistrationCredential credential;
    private final ProvisioningService service;
    private final Executor blocking;

    ProvisioningRequests(Channel channel, ProvisioningConnect connect, RegistrationCredential credential,
            ProvisioningService service, Executor blocking) {
        this.channel = channel;
        this.connect = connect;
        this.credential = credential;
        this.service = service;
        this.blocking = blocking;
    }

    DeviceId registration() {
        return DeviceId.of(connect.registrationId());
    }

    void register(String rid, byte[] body) {
        blocking.execute(() -> respond(rid, () -> service.register(request(body))));
    }

    void status(String rid, String operationId) {
        blocking.execute(() -> respond(rid, () -> service.operationStatus(connect.idScope(),
                connect.registrationId(), operationId, credential)));
    }

    /** The register request from the body {@code {"registrationId", "payload": {"modelId"}}} (any may be absent). */
    RegistrationRequest request(byte[] body) {
        return request(connect.idScope(), connect.registrationId(), credential, body);
    }

    /** The same for any transport (the HTTPS variant sends the same body). */
    static RegistrationRequest request(String idScope, String registrationId, RegistrationCredential credential,
            byte[] body) {
        JsonNode json = parse(body);
        JsonNode bodyId = json.path("registrationId");
        JsonNode payload = json.path("payload");
        if (payload.isTextual()) {
            // Some SDKs send the custom payload as a JSON document inside a string.
            payload = parse(payload.asText().getBytes(StandardCharsets.UTF_8));
        }
        JsonNode modelId = payload.path("modelId");
        return new RegistrationRequest(idScope, registrationId, credential,
                bodyId.isTextual() ? Optional.of(bodyId.asText()) : Optional.empty(),
                modelId.isTextual() ? Optional.of(modelId.asText()) : Optional.empty());
    }

    /** The answer when the service failed unexpectedly (logged by the caller). */
    static DpsResponse internalError() {
        return new DpsResponse(500, Json.object().put("errorCode", 500001).put("message", "internal error"),
                java.util.OptionalInt.empty());
    }

    private static JsonNode parse(byte[] body) {
        try {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.isBlank() ? Json.object() : Json.parse(text);
        } catch (RuntimeException e) {
            return Json.object();
        }
    }

    private void respond(String rid, java.util.function.Supplier<DpsResponse> work) {
        DpsResponse response;
        try {
            response = work.get();
        } catch (RuntimeException e) {
            LOG.warn("DPS request of '{}' failed", connect.registrationId(), e);
            response = internalError();
        }
        String topic = "$dps/registrations/res/" + response.status() + "/?$rid=" + PropertyBagCodec.percentEncode(rid)
                + response.retryAfterSeconds().stream().mapToObj(s -> "&retry-after=" + s).findFirst().orElse("");
        byte[] payload = Json.write(response.body()).getBytes(StandardCharsets.UTF_8);
        channel.writeAndFlush(MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.AT_MOST_ONCE)
                .retained(false).messageId(0).payload(Unpooled.wrappedBuffer(payload)).build(), channel.voidPromise());
    }
}
