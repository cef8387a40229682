package org.opencentral.core.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * One bucket of a downsampled series, starting at {@code start} (aligned to the bucket width since
 * the epoch). Keeping min and max per bucket is what makes downsampling keep the peaks of a chart.
 */
public record Bucket(Instant start, Aggregate aggregate) {
    public Bucket {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(aggregate, "aggregate");
    }
}
