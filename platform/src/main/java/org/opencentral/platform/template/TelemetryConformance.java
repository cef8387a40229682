package org.opencentral.platform.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;
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
 * Bodies are parsed once for all telemetry consumers ({@link TelemetryParses}). Each device's template
 * model is kept from batch to batch (up to {@value #KEPT_DEVICES} devices) and read again after the
 * log says the device or any template changed: read per batch, it cost two state-store reads per
 * device and batch, most of this consumer's time (BENCHMARKS.md, "One read, and a lane for the rules").
 */
public final class TelemetryConformance implements LogConsumer {
    private final DeviceStore devices;
    private final TemplateService templates;
    private final TelemetryIssueStore issues;
    private final TelemetryParses parses;
    /** Read and written by the consumer's one thread only. */
    private final Map<DeviceId, Optional<TemplateModel>> models = new HashMap<>();
    static final int KEPT_DEVICES = 200_000;

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
        List<TelemetryIssue> found = new ArrayList<>();
        try {
            for (LoggedEvent logged : batch) {
                switch (logged.event()) {
                    case TelemetryReceived telemetry -> model(telemetry.deviceId())
                            .ifPresent(m -> check(m, parses.parse(logged, telemetry), found));
                    case DeviceLifecycle lifecycle -> models.remove(lifecycle.deviceId());
                    case TemplateLifecycle template -> models.clear();
                    case PlatformEvent.ReportedPropertiesUpdated r -> { }
                    case PlatformEvent.DesiredPropertiesUpdated d -> { }
                    case PlatformEvent.CloudPropertiesUpdated c -> { }
                    case PlatformEvent.DeviceConnected c -> { }
                    case PlatformEvent.DeviceDisconnected d -> { }
                    case PlatformEvent.AuditRecorded a -> { }
                }
            }
            issues.record(merged(found));
        } catch (RuntimeException e) {
            models.clear();
            throw e;
        }
    }

    private Optional<TemplateModel> model(DeviceId device) {
        Optional<TemplateModel> kept = models.get(device);
        if (kept != null) {
            return kept;
        }
        if (models.size() >= KEPT_DEVICES) {
            models.clear();
        }
        Optional<TemplateModel> model = devices.find(device).flatMap(templates::of);
        models.put(device, model);
        return model;
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
