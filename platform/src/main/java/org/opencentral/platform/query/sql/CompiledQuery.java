package org.opencentral.platform.query.sql;

import java.util.List;
import java.util.Objects;
import org.opencentral.core.telemetry.TelemetrySql;

/**
 * One statement and, per output column of the query (in order), where its value is in a row.
 * {@code device} is the slot of the row's device id, when rows have one (for metadata columns).
 */
public record CompiledQuery(TelemetrySql.Statement statement, List<Slot> slots, java.util.Optional<Slot.Device> device) {
    public CompiledQuery {
        Objects.requireNonNull(statement);
        slots = List.copyOf(slots);
        Objects.requireNonNull(device);
    }
}
