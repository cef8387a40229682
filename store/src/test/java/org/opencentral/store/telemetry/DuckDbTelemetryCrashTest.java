package org.opencentral.store.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.telemetry.Source;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.core.telemetry.WindowQuery;

/** DuckDB merges rollups behind the raw rows; after {@code kill -9} they are completed from the raw rows. */
class DuckDbTelemetryCrashTest {
    @TempDir
    Path directory;

    @Test
    @Timeout(60)
    void rollupsPendingAtAKillAreRebuiltFromTheRawRowsOnOpen() throws Exception {
        Path file = directory.resolve("telemetry.duckdb");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashingTelemetryAppender.class.getName(), file.toString())
                .redirectError(directory.resolve("child.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("appended");
        }
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        List<TelemetryPoint> points = Samples.threeDays(2, 5);
        TimeRange all = new TimeRange(Samples.T0, Samples.T0.plus(Duration.ofDays(3)));
        try (TelemetryStore store = DuckDbTelemetryStore.open(file)) {
            for (Source source : List.of(Source.HOUR, Source.MINUTE, Source.RAW)) {
                assertThat(store.aggregate(new WindowQuery("", "temp", all, Duration.ofHours(1), source)))
                        .as("from %s", source)
                        .containsExactlyElementsOf(Oracle.windows(points, "", "temp", all, Duration.ofHours(1)));
            }
        }
    }
}
