package org.opencentral.store.telemetry;

import java.time.Duration;
import java.util.List;

/** The "round" bucket widths a chart may be downsampled to, and the choice of one. */
final class HistoryWidths {
    private static final List<Long> LADDER = List.of(
            1_000L, 2_000L, 5_000L, 10_000L, 20_000L, 50_000L, 100_000L, 200_000L, 500_000L,
            Micros.SECOND, 2 * Micros.SECOND, 5 * Micros.SECOND, 10 * Micros.SECOND, 15 * Micros.SECOND,
            30 * Micros.SECOND, Micros.MINUTE, 2 * Micros.MINUTE, 5 * Micros.MINUTE, 10 * Micros.MINUTE,
            15 * Micros.MINUTE, 30 * Micros.MINUTE, Micros.HOUR, 2 * Micros.HOUR, 3 * Micros.HOUR, 6 * Micros.HOUR,
            12 * Micros.HOUR, Micros.DAY, 2 * Micros.DAY, 7 * Micros.DAY, 14 * Micros.DAY, 30 * Micros.DAY);

    private HistoryWidths() {
    }

    /** The smallest width whose epoch-aligned buckets covering {@code [from, to)} number at most {@code max}. */
    static Duration fitting(long fromUs, long toUs, int max) {
        for (long width : LADDER) {
            if (buckets(fromUs, toUs, width) <= max) {
                return Duration.ofNanos(width * 1_000);
            }
        }
        long width = 30 * Micros.DAY;
        while (buckets(fromUs, toUs, width) > max) {
            width *= 2;
        }
        return Duration.ofNanos(width * 1_000);
    }

    private static long buckets(long fromUs, long toUs, long width) {
        return (Micros.floor(toUs - 1, width) - Micros.floor(fromUs, width)) / width + 1;
    }
}
