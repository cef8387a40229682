package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.TelemetryIssueStore;
import org.opencentral.core.template.TelemetryIssue;
import org.opencentral.platform.eventlog.LogConsumer;

/**
 * Checks telemetry against the sender's template, off the ingest path (a consumer of the event
 * log): each member of a JSON object message is looked up under the message's {@code $.sub}
 * component; values the model does not describe are counted as unmodeled, values that do not fit
 * their schema as invalid with the reason. Nothing is dropped: the telemetry itself stays in the
 * log and the telemetry views; this only records the issues. Devices without a template are skipped.
 */
public final class TelemetryConformance implements LogConsumer {
    private final DeviceStore devices;
    private final TemplateService templates;
    private final TelemetryIssueStore issues;

    public TelemetryConformance(DeviceStore devices, TemplateService templates, TelemetryIssueStore issues) {
        this.devices = devices;
        this.templates = templates;
        this.issues = issues;
    }

    @Override
    public String name() {
        return "telemetry-conformance";
    }

    @Override
    public void handle(List<LoggedEvent> batch) {
        Map<DeviceId, Optional<TemplateModel>> models = new HashMap<>();
        List<TelemetryIssue> found = new ArrayList<>();
        for (LoggedEvent logged : batch) {
            if (logged.event() instanceof TelemetryReceived telemetry) {
                Optional<TemplateModel> model = models.computeIfAbsent(telemetry.deviceId(),
                        id -> devices.find(id).flatMap(templates::of));
                model.ifPresent(m -> check(m, telemetry, found));
            }
        }
        issues.record(merged(found));
    }

    /** One occurrence per device, kind, component and name: counts summed, the latest value kept. */
    private static List<TelemetryIssue> merged(List<TelemetryIssue> found) {
        Map<List<Object>, TelemetryIssue> byKey = new java.util.LinkedHashMap<>();
        for (TelemetryIssue issue : found) {
            byKey.merge(List.of(issue.deviceId(), issue.kind(), issue.component(), issue.name()), issue,
                    (a, b) -> new TelemetryIssue(b.deviceId(), b.component(), b.name(), b.kind(),
                            b.lastSeen().isBefore(a.lastSeen()) ? a.reason() : b.reason(), a.count() + b.count(),
                            b.lastSeen().isBefore(a.lastSeen()) ? a.lastValue() : b.lastValue(),
                            b.lastSeen().isBefore(a.lastSeen()) ? a.lastSeen() : b.lastSeen()));
        }
        return List.copyOf(byKey.values());
    }

    private static void check(TemplateModel model, TelemetryReceived telemetry, List<TelemetryIssue> into) {
        Optional<ObjectNode> body = jsonObject(telemetry.body());
        if (body.isEmpty()) {
            return;
        }
        String component = telemetry.component().orElse("");
        for (Map.Entry<String, JsonNode> member : body.get().properties()) {
            TelemetryCheck check = TelemetryCheck.of(model.model(), telemetry.component(), member.getKey(),
                    member.getValue());
            switch (check) {
                case TelemetryCheck.Modeled modeled -> {
                }
                case TelemetryCheck.Invalid invalid -> into.add(new TelemetryIssue(telemetry.deviceId(), component,
                        member.getKey(), TelemetryIssue.Kind.INVALID, invalid.reason(), 1, invalid.value(),
                        telemetry.time()));
                case TelemetryCheck.Unmodeled unmodeled -> into.add(new TelemetryIssue(telemetry.deviceId(),
                        component, member.getKey(), TelemetryIssue.Kind.UNMODELED, "", 1, unmodeled.value(),
                        telemetry.time()));
            }
        }
    }

    private static Optional<ObjectNode> jsonObject(byte[] body) {
        try {
            return Json.parse(body) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (DomainException notJson) {
            return Optional.empty();
        }
    }
}
