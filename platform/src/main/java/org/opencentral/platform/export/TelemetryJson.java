package org.opencentral.platform.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;

/**
 * A telemetry message in {@code default@v1} written straight to UTF-8 bytes, without a tree: the
 * same bytes as {@link ExportMessages#message} with {@link Enrichments#add} written by Jackson, the
 * device's body copied token by token from its bytes into the message. Only for a body that is one
 * JSON object in UTF-8 (what devices send); for any other body {@link #write} answers empty and the
 * caller formats the message as a tree, which exports such a body as its text. One difference: a
 * body that names a member twice keeps both here, as the device sent them, where the tree keeps the
 * last value.
 */
final class TelemetryJson {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private TelemetryJson() {
    }

    /** The message's bytes; empty if the body is not one JSON object. */
    static Optional<byte[]> write(String applicationId, TelemetryReceived t, DeviceFacts facts, String enqueuedTime,
            ObjectNode enrichments) {
        if (!startsAnObject(t.body())) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.body().length + 256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("applicationId", applicationId);
            json.writeStringField("messageSource", "telemetry");
            json.writeStringField("deviceId", t.deviceId().value());
            json.writeStringField("schema", ExportMessages.SCHEMA);
            if (facts.templateId().isPresent()) {
                json.writeStringField("templateId", facts.templateId().get());
            }
            json.writeFieldName("telemetry");
            if (!copyObject(t.body(), json)) {
                return Optional.empty();
            }
            json.writeObjectFieldStart("messageProperties");
            for (Map.Entry<String, String> property : t.applicationProperties().entrySet()) {
                json.writeStringField(property.getKey(), property.getValue());
            }
            json.writeEndObject();
            if (t.component().isPresent()) {
                json.writeStringField("component", t.component().get());
            }
            String module = t.systemProperties().get("connectionModuleId");
            if (module != null) {
                json.writeStringField("module", module);
            }
            json.writeStringField("enqueuedTime", enqueuedTime);
            json.writeFieldName("enrichments");
            if (enrichments.isEmpty()) {
                json.writeStartObject();
                json.writeEndObject();
            } else {
                json.writeTree(enrichments);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing an export message in memory failed", e);
        }
        return Optional.of(out.toByteArray());
    }

    /** Whether the first byte that is not JSON white space opens an object (so the bytes are not UTF-16 or -32). */
    private static boolean startsAnObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    /** Copies {@code body} into {@code json} if it is one JSON object; false (part of it copied) if not. */
    private static boolean copyObject(byte[] body, JsonGenerator json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            int depth = 0;
            do {
                JsonToken token = parser.currentToken();
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                    }
                }
                if (token.isNumeric() && writesAsSent(token, parser)) {
                    json.writeNumber(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                } else {
                    json.copyCurrentEvent(parser);
                }
            } while (depth > 0 && parser.nextToken() != null);
            return depth == 0 && parser.nextToken() == null;
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }

    /**
     * Whether a number's text is what the tree would write for it, so it is copied without being parsed
     * and written again: an integer other than {@code -0}, or a decimal that {@link Double#toString}
     * gives back digit for digit — no exponent, at most 15 significant digits (so it is the shortest
     * decimal of its double), no trailing zero but the one of {@code n.0}, and a magnitude from 0.001 to
     * below 10,000,000 (where {@code toString} writes no exponent).
     */
    private static boolean writesAsSent(JsonToken token, JsonParser parser) throws IOException {
        char[] text = parser.getTextCharacters();
        int at = parser.getTextOffset();
        int end = at + parser.getTextLength();
        if (text[at] == '-') {
            at++;
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return !(text[at] == '0' && parser.getTextLength() == 2);
        }
        return decimalAsWritten(text, at, end);
    }

    private static boolean decimalAsWritten(char[] text, int at, int end) {
        int point = at;
        while (point < end && isDigit(text[point])) {
            point++;
        }
        if (point == at || point >= end - 1 || text[point] != '.') {
            return false;
        }
        for (int i = point + 1; i < end; i++) {
            if (!isDigit(text[i])) {
                return false; // an exponent
            }
        }
        boolean zeroFraction = end - point == 2 && text[point + 1] == '0';
        if (text[end - 1] == '0' && !zeroFraction) {
            return false;
        }
        if (text[at] != '0') {
            return point - at <= 7 && (point - at) + (end - point - 1) <= 15;
        }
        if (zeroFraction) {
            return false; // 0.0 and -0.0
        }
        int significant = point + 1;
        while (text[significant] == '0') {
            significant++;
        }
        return significant - point - 1 <= 2 && end - significant <= 15;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
