package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.platform.telemetry.ParsedTelemetry;
import org.opencentral.platform.telemetry.TelemetryParses;

/**
 * Turns the log's device events into observations, at the time the platform accepted them; a
 * telemetry body is parsed once for every consumer ({@link TelemetryParses}).
 */
final class Observations {
    private final TelemetryParses parses;

    Observations(TelemetryParses parses) {
        this.parses = parses;
    }

    Optional<Observation> of(LoggedEvent logged) {
        return switch (logged.event()) {
            case PlatformEvent.TelemetryReceived t -> Optional.of(telemetry(logged, t));
            case PlatformEvent.ReportedPropertiesUpdated r -> Optional.of(new Observation.Reported(r.time(), r.patch()));
            case PlatformEvent.CloudPropertiesUpdated c -> Optional.of(new Observation.Cloud(c.time(), c.component(),
                    c.patch()));
            case PlatformEvent.DeviceConnected c -> Optional.of(new Observation.Connection(c.time(), true));
            case PlatformEvent.DeviceDisconnected d -> Optional.of(new Observation.Connection(d.time(), false));
            case PlatformEvent.DesiredPropertiesUpdated d -> Optional.empty();
            case PlatformEvent.DeviceLifecycle l -> Optional.empty();
            case PlatformEvent.TemplateLifecycle l -> Optional.empty();
            case PlatformEvent.AuditRecorded a -> Optional.empty();
        };
    }

    private Observation telemetry(LoggedEvent logged, PlatformEvent.TelemetryReceived message) {
        ParsedTelemetry parsed = parses.parse(logged, message);
        Map<String, JsonNode> members = new HashMap<>();
        parsed.members().forEach(m -> members.put(m.name(), m.value()));
        return new Observation.Telemetry(message.time(), parsed.component(), members);
    }
}
