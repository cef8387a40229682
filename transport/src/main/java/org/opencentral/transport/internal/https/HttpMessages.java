package org.opencentral.transport.internal.https;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.platform.ingest.TelemetryMessage;
import org.opencentral.transport.internal.topic.Decoded;
import org.opencentral.transport.internal.topic.PropertyBagCodec;

/**
 * IoT Hub's HTTPS message format. A message's properties travel as headers (or, in a batch, as the
 * {@code properties} of each entry): {@code iothub-app-{name}} application properties, the system
 * properties {@code iothub-messageid}, {@code iothub-correlationid}, {@code iothub-userid},
 * {@code iothub-contenttype}, {@code iothub-contentencoding}, {@code iothub-interface-id}, the
 * component in {@code dt-subject} and the creation time {@code iothub-creation-time-utc} (kept as
 * the application property IoT Central reads it from, as over MQTT). A batch
 * ({@code application/vnd.microsoft.iothub.json}) is a JSON array of
 * {@code {"body": "...", "base64Encoded": true, "properties": {...}}}. A cloud-to-device property
 * value that is not visible ASCII goes out percent-encoded (a header cannot carry it).
 */
final class HttpMessages {
    static final String BATCH_CONTENT_TYPE = "application/vnd.microsoft.iothub.json";
    static final String APP_PREFIX = "iothub-app-";
    static final String CREATION_TIME = "iothub-creation-time-utc";
    static final String COMPONENT = "dt-subject";
    static final Map<String, String> SYSTEM = Map.of("iothub-messageid", "messageId",
            "iothub-correlationid", "correlationId", "iothub-userid", "userId",
            "iothub-contenttype", "contentType", "iothub-contentencoding", "contentEncoding",
            "iothub-interface-id", "interfaceId");

    private HttpMessages() {
    }

    /** The messages of a {@code POST …/messages/events}, or why it is malformed. */
    static Decoded<List<TelemetryMessage>> events(FullHttpRequest request) {
        byte[] body = ByteBufUtil.getBytes(request.content());
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(BATCH_CONTENT_TYPE)) {
            Map<String, String> properties = new HashMap<>();
            request.headers().forEach(header -> properties.put(header.getKey(), header.getValue()));
            return Decoded.ok(List.of(message(properties, body)));
        }
        try {
            return batch(Json.parse(body));
        } catch (DomainException e) {
            return Decoded.failed("the batch is not valid JSON: " + e.getMessage());
        }
    }

    private static Decoded<List<TelemetryMessage>> batch(JsonNode entries) {
        if (!entries.isArray() || entries.isEmpty()) {
            return Decoded.failed("a batch must be a non-empty JSON array of messages");
        }
        List<TelemetryMessage> messages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Decoded<TelemetryMessage> entry = entry(entries.get(i));
            if (entry instanceof Decoded.Failed<TelemetryMessage> failed) {
                return Decoded.failed("batch entry " + i + ": " + failed.reason());
            }
            messages.add(((Decoded.Ok<TelemetryMessage>) entry).value());
        }
        return Decoded.ok(messages);
    }

    private static Decoded<TelemetryMessage> entry(JsonNode entry) {
        if (!entry.isObject() || !entry.path("body").isTextual()) {
            return Decoded.failed("an entry must be an object with a string \"body\"");
        }
        JsonNode encoded = entry.path("base64Encoded");
        if (!encoded.isMissingNode() && !encoded.isBoolean()) {
            return Decoded.failed("\"base64Encoded\" must be true or false");
        }
        byte[] body;
        try {
            body = encoded.asBoolean(false) ? Base64.getDecoder().decode(entry.get("body").asText())
                    : entry.get("body").asText().getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Decoded.failed("\"body\" is not valid base64");
        }
        JsonNode properties = entry.path("properties");
        if (!properties.isMissingNode() && !properties.isObject()) {
            return Decoded.failed("\"properties\" must be an object of strings");
        }
        Map<String, String> named = new HashMap<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (!property.getValue().isTextual()) {
                return Decoded.failed("property '" + property.getKey() + "' must be a string");
            }
            named.put(property.getKey(), property.getValue().asText());
        }
        return Decoded.ok(message(named, body));
    }

    private static TelemetryMessage message(Map<String, String> properties, byte[] body) {
        Map<String, String> application = new HashMap<>();
        Map<String, String> system = new HashMap<>();
        Optional<String> component = Optional.empty();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = property.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(APP_PREFIX) && name.length() > APP_PREFIX.length()) {
                application.put(property.getKey().substring(APP_PREFIX.length()), property.getValue());
            } else if (name.equals(CREATION_TIME)) {
                application.put(CREATION_TIME, property.getValue());
            } else if (name.equals(COMPONENT)) {
                component = Optional.of(property.getValue()).filter(c -> !c.isEmpty());
            } else if (SYSTEM.containsKey(name)) {
                system.put(SYSTEM.get(name), property.getValue());
            }
        }
        return new TelemetryMessage(component, application, system, body);
    }

    /** The headers that carry a cloud-to-device message's properties to a polling device. */
    static void cloudToDevice(C2dMessage message, String lockToken, HttpHeaders headers) {
        headers.set(HttpHeaderNames.ETAG, "\"" + lockToken + "\"")
                .set("iothub-messageid", message.messageId())
                .set("iothub-to", "/devices/" + message.deviceId().value() + "/messages/devicebound")
                .set("iothub-enqueuedtime", message.enqueuedAt().toString())
                .set("iothub-expiry", message.expiresAt().toString());
        message.properties().forEach((name, value) -> headers.set(APP_PREFIX + name, headerSafe(value)));
    }

    /** A header carries visible ASCII and spaces only: any other value travels percent-encoded. */
    private static String headerSafe(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? value : PropertyBagCodec.percentEncode(value);
    }
}
