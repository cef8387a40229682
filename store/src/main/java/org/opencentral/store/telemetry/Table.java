package org.opencentral.store.telemetry;

import java.util.Optional;

/** Where aggregates can come from, coarsest last: raw values, or a rollup of a fixed granularity. */
enum Table {
    RAW("telemetry_raw", 1),
    MINUTE("rollup_1m", Micros.MINUTE),
    HOUR("rollup_1h", Micros.HOUR);

    final String table;
    final long granularityUs;

    Table(String table, long granularityUs) {
        this.table = table;
        this.granularityUs = granularityUs;
    }

    Optional<Table> finer() {
        return switch (this) {
            case RAW -> Optional.empty();
            case MINUTE -> Optional.of(RAW);
            case HOUR -> Optional.of(MINUTE);
        };
    }
}
