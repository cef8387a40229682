package org.opencentral.store.telemetry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rollup deltas of batches whose raw rows are committed but not yet merged into the rollup tables
 * (DuckDB merges them once per second or so instead of once per batch: the merge costs about the
 * same for one batch as for fifty). Lost on a crash, and then rebuilt from the raw rows of the
 * batches after the last merged one.
 */
final class PendingRollups {
    private final Map<Long, RollupRow> minutes = new HashMap<>();
    private final Map<Long, RollupRow> hours = new HashMap<>();

    void add(List<RollupRow> batchMinutes, List<RollupRow> batchHours) {
        add(minutes, batchMinutes);
        add(hours, batchHours);
    }

    private static void add(Map<Long, RollupRow> into, List<RollupRow> rows) {
        for (RollupRow row : rows) {
            into.merge(row.key(), row, RollupRow::merge);
        }
    }

    int size() {
        return minutes.size() + hours.size();
    }

    List<RollupRow> minutes() {
        return List.copyOf(minutes.values());
    }

    List<RollupRow> hours() {
        return List.copyOf(hours.values());
    }

    void clear() {
        minutes.clear();
        hours.clear();
    }
}
