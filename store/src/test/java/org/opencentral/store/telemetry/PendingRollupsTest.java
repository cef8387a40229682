package org.opencentral.store.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PendingRollupsTest {
    /** A batch's deltas: rows of {@code series} series in a few minutes, each a partial of one to three values. */
    private static List<RollupRow> batch(Random random, int series, long bucketSize) {
        List<RollupRow> rows = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            long bucket = (random.nextInt(3) - 1) * bucketSize;   // one before the epoch too
            long time = bucket + random.nextLong(bucketSize);
            RollupRow row = RollupRow.of(random.nextInt(series), bucket, time, random.nextGaussian());
            for (int values = random.nextInt(3); values > 0; values--) {
                row = row.plus(bucket + random.nextLong(bucketSize), random.nextGaussian());
            }
            rows.add(row);
        }
        return rows;
    }

    private static void merge(Map<Long, RollupRow> into, List<RollupRow> rows) {
        rows.forEach(row -> into.merge(row.key(), row, RollupRow::merge));
    }

    @Test
    void mergesEachSeriesAndBucketAsTheRowsThemselvesMerge() {
        Random random = new Random(17);
        PendingRollups pending = new PendingRollups();
        for (int round = 0; round < 3; round++) {
            Map<Long, RollupRow> minutes = new HashMap<>();
            Map<Long, RollupRow> hours = new HashMap<>();
            for (int b = 0; b < 20; b++) {
                List<RollupRow> batchMinutes = batch(random, 3_000, Micros.MINUTE);
                List<RollupRow> batchHours = batch(random, 3_000, Micros.HOUR);
                pending.add(batchMinutes, batchHours);
                merge(minutes, batchMinutes);
                merge(hours, batchHours);
            }

            assertThat(pending.size()).isEqualTo(minutes.size() + hours.size());
            assertThat(pending.minutes()).containsExactlyInAnyOrderElementsOf(minutes.values());
            assertThat(pending.hours()).containsExactlyInAnyOrderElementsOf(hours.values());
            pending.clear();
            assertThat(pending.size()).isZero();
            assertThat(pending.minutes()).isEmpty();
        }
    }
}
