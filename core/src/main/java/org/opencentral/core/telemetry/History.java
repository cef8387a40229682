package org.opencentral.core.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A series for a chart: its raw points when they fit, else min/max-preserving buckets. */
public sealed interface History {
    record Points(List<TelemetryPoint> points) implements History {
        public Points {
            points = List.copyOf(points);
        }
    }

    record Buckets(Duration width, List<Bucket> buckets) implements History {
        public Buckets {
            Objects.requireNonNull(width, "width");
            buckets = List.copyOf(buckets);
        }
    }
}
