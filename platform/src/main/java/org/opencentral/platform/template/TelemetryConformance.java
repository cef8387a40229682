package org.opencentral.platform.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.TelemetryIssueStore;
import org.opencentral.core.template.TelemetryIssue;
import org.opencentral.platform.eventlog.LogConsumer;
import org.opencentral.platform.telemetry.ParsedTelemetry;
import org.opencentral.platform.telemetry.TelemetryParses;

/**
 * Checks telemetry against the sender's template, off the ingest path (a consumer of the event
 * log): each member of a JSON object message is looked up under the message's {@code $.sub}
 * component; values the model does not describe are counted as unmodeled, values that do not fit
 * their schema as invalid with the reason. Nothing is dropped: the telemetry itself stays in the
 * log and the telemetry views; this only records the issues. Devices without a template are skipped.
 * Bodies are parsed once for all telemetry consumers ({@link TelemetryParses}).
 */
public final class TelemetryConformance implements LogConsumer {
    private final DeviceStore devices;
    private final TemplateService templates;
    private final TelemetryIssueStore issues;
    private final TelemetryParses parses;

    public TelemetryConformance(DeviceStore devices, TemplateService templates, TelemetryIssueStore issues,
            TelemetryParses parses) {
        this.devices = devices;
        this.templates = templates;
        this.issues = issues;
        this.parses = parses;
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
                model.ifPresent(m -> check(m, parses.parse(logged, telemetry), found));
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

    private static void check(TemplateModel model, ParsedTelemetry parsed, List<TelemetryIssue> into) {
        TelemetryReceived telemetry = parsed.message();
        String component = parsed.component();
        for (ParsedTelemetry.Member member : parsed.members()) {
            TelemetryCheck check = TelemetryCheck.of(model.model(), telemetry.component(), member.name(),
                    member.value());
            switch (check) {
                case TelemetryCheck.Modeled modeled -> {
                }
                case TelemetryCheck.Invalid invalid -> into.add(new TelemetryIssue(telemetry.deviceId(), component,
                        member.name(), TelemetryIssue.Kind.INVALID, invalid.reason(), 1, invalid.value(),
                        telemetry.time()));
                case TelemetryCheck.Unmodeled unmodeled -> into.add(new TelemetryIssue(telemetry.deviceId(),
                        component, member.name(), TelemetryIssue.Kind.UNMODELED, "", 1, unmodeled.value(),
                        telemetry.time()));
            }
        }
    }
}
