package org.opencentral.api.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.export.ExportSource;
import org.opencentral.platform.export.ExportService;
import org.opencentral.platform.export.TransformTrial;

/**
 * "Try it" ({@code POST /api/dataExport/transforms/try}, an extension): runs a transform on a sample
 * message of a source, or on the given {@code message}, and answers {@code {input, outputs}}; changes
 * nothing. A transform that does not compile or fails on the input is a 400 {@code InvalidTransform}.
 */
final class TransformHandlers {
    private final ExportService exports;

    TransformHandlers(ExportService exports) {
        this.exports = exports;
    }

    void tryTransform(ApiCall call) throws IOException {
        ObjectNode body = call.bodyObject();
        String sourceName = text(body, "source");
        ExportSource source = ExportSource.of(sourceName).orElseThrow(() -> DomainException.badRequest(
                "unknown export source '" + sourceName + "'; one of telemetry, properties, deviceLifecycle, "
                        + "deviceTemplateLifecycle, deviceConnectivity, audit"));
        JsonNode message = body.path("message");
        if (!message.isMissingNode() && !message.isNull() && !message.isObject()) {
            throw DomainException.badRequest("'message' must be a JSON object (a message in the export format)");
        }
        TransformTrial.Outcome outcome = exports.tryTransform(source, text(body, "transform"),
                message.isObject() ? Optional.of((ObjectNode) message) : Optional.empty());
        ObjectNode answer = Json.object();
        answer.set("input", outcome.input());
        outcome.outputs().forEach(answer.putArray("outputs")::add);
        call.json(200, answer);
    }

    private static String text(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || !value.isTextual()) {
            throw DomainException.badRequest("'" + name + "' is required (a string)");
        }
        return value.asText();
    }
}
