package org.opencentral.store.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue.NumberValue;

/**
 * What one append writes: the raw rows, and the batch's numbers pre-aggregated per series and
 * minute and per series and hour, to be merged into the rollup tables (so the rollups never rescan
 * raw data).
 */
record TelemetryBatch(List<EncodedPoint> points, List<RollupRow> minutes, List<RollupRow> hours) {

    /** {@code ids}: the series id of each point, by index. */
    static TelemetryBatch of(List<TelemetryPoint> points, int[] ids) {
        List<EncodedPoint> encoded = new ArrayList<>(points.size());
        Map<Long, Accumulator> minutes = new HashMap<>();
        Map<Long, Accumulator> hours = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            TelemetryPoint point = points.get(i);
            int id = ids[i];
            long time = Micros.of(point.time());
            encoded.add(new EncodedPoint(id, time, point.value()));
            if (point.value() instanceof NumberValue number) {
                add(minutes, id, Micros.floor(time, Micros.MINUTE), time, number.value());
                add(hours, id, Micros.floor(time, Micros.HOUR), time, number.value());
            }
        }
        return new TelemetryBatch(encoded, rows(minutes), rows(hours));
    }

    private static void add(Map<Long, Accumulator> accumulators, int id, long bucket, long time, double value) {
        // Buckets are multiples of a minute (< 2^63 / 2^31 apart), so (bucket, id) packs into one key.
        long key = bucket / Micros.MINUTE * (1L << 31) + id;
        Accumulator accumulator = accumulators.get(key);
        if (accumulator == null) {
            accumulators.put(key, new Accumulator(id, bucket, time, value));
        } else {
            accumulator.add(time, value);
        }
    }

    private static List<RollupRow> rows(Map<Long, Accumulator> accumulators) {
        List<RollupRow> rows = new ArrayList<>(accumulators.size());
        for (Accumulator accumulator : accumulators.values()) {
            rows.add(accumulator.row());
        }
        return rows;
    }

    /** A {@link RollupRow} being built (mutable: one per series and bucket of a batch, never shared). */
    private static final class Accumulator {
        private final int seriesId;
        private final long bucketUs;
        private long count = 1;
        private double total;
        private double min;
        private double max;
        private long firstUs;
        private double first;
        private long lastUs;
        private double last;

        Accumulator(int seriesId, long bucketUs, long timeUs, double value) {
            this.seriesId = seriesId;
            this.bucketUs = bucketUs;
            this.total = value;
            this.min = value;
            this.max = value;
            this.firstUs = timeUs;
            this.first = value;
            this.lastUs = timeUs;
            this.last = value;
        }

        void add(long timeUs, double value) {
            count++;
            total += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            if (timeUs < firstUs) {
                firstUs = timeUs;
                first = value;
            }
            if (timeUs >= lastUs) {
                lastUs = timeUs;
                last = value;
            }
        }

        RollupRow row() {
            return new RollupRow(seriesId, bucketUs, count, total, min, max, firstUs, first, lastUs, last);
        }
    }
}
