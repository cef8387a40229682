package org.opencentral.store.telemetry;

import java.time.Instant;
import org.opencentral.core.telemetry.Aggregate;

/**
 * One row of a rollup table, or a partial one computed from a batch before it is merged into the
 * table: aggregates of one series' numbers in the bucket starting at {@code bucketUs}. First and
 * last carry their times so that partials merge exactly (an earlier first wins, a later or equal
 * last wins).
 */
record RollupRow(int seriesId, long bucketUs, long count, double total, double min, double max,
        long firstUs, double first, long lastUs, double last) {

    static RollupRow of(int seriesId, long bucketUs, long timeUs, double value) {
        return new RollupRow(seriesId, bucketUs, 1, value, value, value, timeUs, value, timeUs, value);
    }

    RollupRow plus(long timeUs, double value) {
        return new RollupRow(seriesId, bucketUs, count + 1, total + value, Math.min(min, value), Math.max(max, value),
                timeUs < firstUs ? timeUs : firstUs, timeUs < firstUs ? value : first,
                timeUs >= lastUs ? timeUs : lastUs, timeUs >= lastUs ? value : last);
    }

    /** This row merged with a partial of the same series and bucket. */
    RollupRow merge(RollupRow other) {
        return new RollupRow(seriesId, bucketUs, count + other.count, total + other.total, Math.min(min, other.min),
                Math.max(max, other.max), other.firstUs < firstUs ? other.firstUs : firstUs,
                other.firstUs < firstUs ? other.first : first, other.lastUs >= lastUs ? other.lastUs : lastUs,
                other.lastUs >= lastUs ? other.last : last);
    }

    /** The key of this row's series and bucket (buckets are whole minutes, ids below 2^31). */
    long key() {
        return bucketUs / Micros.MINUTE * (1L << 31) + seriesId;
    }

    Aggregate aggregate() {
        return new Aggregate(count, total, min, max, Micros.instant(firstUs), first, Micros.instant(lastUs), last);
    }

    static Instant start(long bucketUs) {
        return Micros.instant(bucketUs);
    }
}
