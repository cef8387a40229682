package org.opencentral.api.templates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.template.TelemetryIssue;
import org.opencentral.platform.device.DeviceRegistry;

/**
 * OpenCentral extension {@code GET /api/devices/{id}/telemetryIssues}: telemetry the device's
 * template does not describe (unmodeled) or that does not fit its schema (invalid, with the
 * reason), with counts, the last value and when it was last seen. The data itself stays available
 * through the telemetry routes.
 */
public final class TelemetryIssueHandlers {
    private final DeviceRegistry devices;
    private final TemplateServices templates;

    public TelemetryIssueHandlers(DeviceRegistry devices, TemplateServices templates) {
        this.devices = devices;
        this.templates = templates;
    }

    public void get(ApiCall call) {
        DeviceId id = call.deviceId();
        devices.get(id);
        List<TelemetryIssue> issues = templates.telemetryIssues().list(id);
        ObjectNode body = Json.object();
        body.put("unmodeledCount", total(issues, TelemetryIssue.Kind.UNMODELED));
        body.put("invalidCount", total(issues, TelemetryIssue.Kind.INVALID));
        ArrayNode value = body.putArray("value");
        for (TelemetryIssue issue : issues) {
            ObjectNode item = value.addObject();
            item.put("kind", issue.kind().name().toLowerCase(Locale.ROOT));
            if (!issue.component().isEmpty()) {
                item.put("component", issue.component());
            }
            item.put("name", issue.name());
            item.put("count", issue.count());
            if (!issue.reason().isEmpty()) {
                item.put("reason", issue.reason());
            }
            item.set("lastValue", issue.lastValue());
            item.put("lastSeen", issue.lastSeen().toString());
        }
        call.json(200, body);
    }

    private static long total(List<TelemetryIssue> issues, TelemetryIssue.Kind kind) {
        return issues.stream().filter(i -> i.kind() == kind).mapToLong(TelemetryIssue::count).sum();
    }
}
