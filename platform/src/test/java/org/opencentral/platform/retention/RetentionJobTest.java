package org.opencentral.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

@Timeout(60)
class RetentionJobTest {
    private static final DeviceId DEVICE = DeviceId.of("d1");
    private static final SeriesKey TEMP = new SeriesKey(DEVICE, "", "temp");
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");

    @TempDir
    Path directory;

    @Test
    void removesWholeDaysOlderThanThePolicyFromTheLogAndTheTelemetryAndNothingNewer() {
        try (DuckDbEventLog log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
                TelemetryStore store = DuckDbTelemetryStore.open(directory.resolve("telemetry.duckdb"))) {
            List<Instant> times = List.of(NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(31)),
                    Instant.parse("2026-10-27T00:00:00Z"), NOW.minus(Duration.ofDays(2)), NOW);
            times.stream().map(t -> log.append(new DeviceConnected(DEVICE, t))).toList()
                    .forEach(CompletableFuture::join);
            store.append(times.stream().map(t -> new TelemetryPoint(TEMP, t, TelemetryValue.of(1))).toList());
            RetentionJob job = new RetentionJob(RetentionPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC),
                    List.of(log, store));

            RetentionJob.Result result = job.runOnce();

            assertThat(result.cutoff()).isEqualTo(Instant.parse("2026-10-27T15:00:00Z"));
            assertThat(result.daysRemoved()).containsExactly(2, 2);
            assertThat(log.read(0, 10)).extracting(LoggedEvent::sequence).containsExactly(3L, 4L, 5L);
            TimeRange all = new TimeRange(Instant.EPOCH, NOW.plusSeconds(1));
            assertThat(store.raw(TEMP, all, 10)).extracting(TelemetryPoint::time).containsExactlyElementsOf(times.subList(2, 5));
            assertThat(job.runOnce().daysRemoved()).containsExactly(0, 0);
        }
    }

    @Test
    void theRetentionPeriodIsAtLeastADay() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(23))).isInstanceOf(IllegalArgumentException.class);
        assertThat(RetentionPolicy.DEFAULT.keep()).isEqualTo(Duration.ofDays(30));
    }
}
