package org.opencentral.store.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.core.telemetry.TimeRange;

/**
 * A backup of the open telemetry store holds what was committed when it began, and the restored
 * store goes on: a series first seen after the restore gets an id of its own (the writer continues
 * from the largest id in the copied table), and the old series keep their points.
 */
class DuckDbTelemetryBackupTest {
    private static final TimeRange ALL = new TimeRange(Samples.T0.minus(Duration.ofDays(1)),
            Samples.T0.plus(Duration.ofDays(1)));

    @TempDir
    Path directory;

    @Test
    void aBackupOfTheOpenStoreRestoresAndGoesOn() {
        Path backup = directory.resolve("backup.duckdb");
        DuckDbTelemetryStore.Opened opened = DuckDbTelemetryStore.openWithBackup(directory.resolve("t.duckdb"));
        try (TelemetryStore store = opened.store()) {
            store.append(List.of(point("a", 0, 1.0), point("b", 0, 2.0)));
            opened.backup().to(backup);
            store.append(List.of(point("a", 1, 3.0)));
        }

        try (TelemetryStore restored = DuckDbTelemetryStore.open(backup)) {
            assertThat(restored.raw(Samples.temp("a"), ALL, 10)).extracting(TelemetryPoint::value)
                    .containsExactly(TelemetryValue.of(1.0));
            restored.append(List.of(point("c", 2, 4.0), point("b", 2, 5.0)));
            assertThat(restored.raw(Samples.temp("c"), ALL, 10)).extracting(TelemetryPoint::value)
                    .containsExactly(TelemetryValue.of(4.0));
            assertThat(restored.raw(Samples.temp("b"), ALL, 10)).extracting(TelemetryPoint::value)
                    .containsExactlyInAnyOrder(TelemetryValue.of(2.0), TelemetryValue.of(5.0));
            assertThat(restored.raw(Samples.temp("a"), ALL, 10)).hasSize(1);
        }
    }

    private static TelemetryPoint point(String device, int second, double value) {
        SeriesKey series = Samples.temp(device);
        return new TelemetryPoint(series, Samples.T0.plusSeconds(second), TelemetryValue.of(value));
    }
}
