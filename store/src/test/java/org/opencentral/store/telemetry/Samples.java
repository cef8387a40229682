package org.opencentral.store.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;

/**
 * Deterministic sample telemetry: numbers are multiples of 0.25 (sums are exact in any order, so
 * both engines and the oracle agree to the last bit), and times are unique per series.
 */
final class Samples {
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    private Samples() {
    }

    static SeriesKey temp(String device) {
        return new SeriesKey(DeviceId.of(device), "", "temp");
    }

    /** Three days of temperature for {@code devices} devices, plus a second component, a flag and a text. */
    static List<TelemetryPoint> threeDays(int devices, long seed) {
        Random random = new Random(seed);
        List<TelemetryPoint> points = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            DeviceId device = DeviceId.of("dev-" + d);
            long micros = random.nextInt(60_000_000);
            while (micros < 3 * Micros.DAY) {
                Instant time = Micros.instant(Micros.of(T0) + micros);
                points.add(new TelemetryPoint(temp(device.value()), time, number(random)));
                points.add(new TelemetryPoint(new SeriesKey(device, "thermostat1", "temp"), time, number(random)));
                if (random.nextInt(10) == 0) {
                    points.add(new TelemetryPoint(new SeriesKey(device, "", "on"), time,
                            TelemetryValue.of(random.nextBoolean())));
                    points.add(new TelemetryPoint(new SeriesKey(device, "", "mode"), time, TelemetryValue.of("eco")));
                }
                micros += 30_000_000 + random.nextInt(120_000_000) + 1;
            }
        }
        return points;
    }

    private static TelemetryValue number(Random random) {
        return TelemetryValue.of((random.nextInt(4_000) - 1_000) / 4.0);
    }
}
