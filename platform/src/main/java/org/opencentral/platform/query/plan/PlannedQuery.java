package org.opencentral.platform.query.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * The plan of a telemetry query and, per output column of the query (in order), where its value is
 * in a result row. {@code device} is the slot of the row's device id, when rows have one (for
 * metadata columns).
 */
public record PlannedQuery(TelemetryQuery plan, List<Slot> slots, Optional<Slot.Device> device) {
    public PlannedQuery {
        Objects.requireNonNull(plan);
        slots = List.copyOf(slots);
        Objects.requireNonNull(device);
    }
}
