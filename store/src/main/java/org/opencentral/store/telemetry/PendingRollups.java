package org.opencentral.store.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rollup deltas of batches whose raw rows are committed but not yet merged into the rollup tables
 * (DuckDB merges them once per second or so instead of once per batch: the merge costs about the
 * same for one batch as for fifty). Lost on a crash, and then rebuilt from the raw rows of the
 * batches after the last merged one.
 *
 * <p>Held in primitive arrays, not as a map of {@link RollupRow}s: at 10,000 devices a second of deltas is
 * 160,000 rows, which as objects a young collection copied each time it found them alive (and promoted, once they
 * had survived a few); arrays this large live outside the young generation and hold no references.
 */
final class PendingRollups {
    private final Deltas minutes = new Deltas();
    private final Deltas hours = new Deltas();

    void add(List<RollupRow> batchMinutes, List<RollupRow> batchHours) {
        batchMinutes.forEach(minutes::add);
        batchHours.forEach(hours::add);
    }

    int size() {
        return minutes.size + hours.size;
    }

    List<RollupRow> minutes() {
        return minutes.rows();
    }

    List<RollupRow> hours() {
        return hours.rows();
    }

    void clear() {
        minutes.clear();
        hours.clear();
    }

    /** One table's deltas by {@link RollupRow#key()}: open addressing with linear probing, a row's fields side by side. */
    private static final class Deltas {
        private static final long FREE = Long.MIN_VALUE;
        private static final int INITIAL_CAPACITY = 1 << 10;

        private long[] keys;
        private int[] seriesIds;
        private long[] buckets;
        private long[] counts;
        private double[] totals;
        private double[] mins;
        private double[] maxs;
        private long[] firstTimes;
        private double[] firsts;
        private long[] lastTimes;
        private double[] lasts;
        private int size;

        Deltas() {
            allocate(INITIAL_CAPACITY);
        }

        void add(RollupRow row) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int slot = slotOf(row.key());
            if (keys[slot] == FREE) {
                keys[slot] = row.key();
                size++;
                set(slot, row);
            } else {
                set(slot, row(slot).merge(row));
            }
        }

        List<RollupRow> rows() {
            List<RollupRow> rows = new ArrayList<>(size);
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != FREE) {
                    rows.add(row(slot));
                }
            }
            return rows;
        }

        /** Keeps the arrays at their size: the next second's deltas are about as many. */
        void clear() {
            Arrays.fill(keys, FREE);
            size = 0;
        }

        /** The slot holding {@code key}, or the free one where it goes. */
        private int slotOf(long key) {
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (keys[slot] != FREE && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }

        private RollupRow row(int slot) {
            return new RollupRow(seriesIds[slot], buckets[slot], counts[slot], totals[slot], mins[slot], maxs[slot],
                    firstTimes[slot], firsts[slot], lastTimes[slot], lasts[slot]);
        }

        private void set(int slot, RollupRow row) {
            seriesIds[slot] = row.seriesId();
            buckets[slot] = row.bucketUs();
            counts[slot] = row.count();
            totals[slot] = row.total();
            mins[slot] = row.min();
            maxs[slot] = row.max();
            firstTimes[slot] = row.firstUs();
            firsts[slot] = row.first();
            lastTimes[slot] = row.lastUs();
            lasts[slot] = row.last();
        }

        private void grow() {
            List<RollupRow> rows = rows();
            allocate(keys.length * 2);
            size = 0;
            rows.forEach(this::add);
        }

        private void allocate(int capacity) {
            keys = new long[capacity];
            Arrays.fill(keys, FREE);
            seriesIds = new int[capacity];
            buckets = new long[capacity];
            counts = new long[capacity];
            totals = new double[capacity];
            mins = new double[capacity];
            maxs = new double[capacity];
            firstTimes = new long[capacity];
            firsts = new double[capacity];
            lastTimes = new long[capacity];
            lasts = new double[capacity];
        }
    }
}
