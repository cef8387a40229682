package org.opencentral.store.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.Aggregate;
import org.opencentral.core.telemetry.DeviceWindow;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue.NumberValue;
import org.opencentral.core.telemetry.TimeRange;

/** Expected aggregates computed in plain Java from the points a test stored. */
final class Oracle {
    private Oracle() {
    }

    static List<DeviceWindow> windows(List<TelemetryPoint> points, String component, String capability,
            TimeRange range, Duration window) {
        long width = window.toNanos() / 1_000;
        Map<String, Map<Long, List<TelemetryPoint>>> grouped = new TreeMap<>();
        for (TelemetryPoint point : points) {
            long time = Micros.of(point.time());
            if (point.series().component().equals(component) && point.series().capability().equals(capability)
                    && point.value() instanceof NumberValue && time >= Micros.of(range.from())
                    && time < Micros.of(range.to())) {
                grouped.computeIfAbsent(point.series().device().value(), d -> new TreeMap<>())
                        .computeIfAbsent(Micros.floor(time, width), b -> new ArrayList<>()).add(point);
            }
        }
        List<DeviceWindow> windows = new ArrayList<>();
        grouped.forEach((device, buckets) -> buckets.forEach((bucket, in) ->
                windows.add(new DeviceWindow(DeviceId.of(device), Micros.instant(bucket), aggregate(in)))));
        return windows;
    }

    static Aggregate aggregate(List<TelemetryPoint> points) {
        List<TelemetryPoint> sorted = points.stream().sorted(Comparator.comparing(TelemetryPoint::time)).toList();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (TelemetryPoint point : sorted) {
            double value = ((NumberValue) point.value()).value();
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        TelemetryPoint first = sorted.getFirst();
        TelemetryPoint last = sorted.getLast();
        return new Aggregate(sorted.size(), sum, min, max, truncated(first.time()),
                ((NumberValue) first.value()).value(), truncated(last.time()), ((NumberValue) last.value()).value());
    }

    static Instant truncated(Instant time) {
        return Micros.instant(Micros.of(time));
    }
}
