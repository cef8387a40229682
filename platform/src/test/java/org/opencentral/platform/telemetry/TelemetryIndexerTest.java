package org.opencentral.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.Source;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/** From the event log to typed telemetry history, on the real embedded log and store. */
@Timeout(60)
class TelemetryIndexerTest {
    private static final DeviceId DEVICE = DeviceId.of("thermostat-1");
    private static final Instant ACCEPTED = Instant.parse("2026-11-26T10:00:00Z");
    private static final TimeRange DAY = new TimeRange(Instant.parse("2026-11-26T00:00:00Z"),
            Instant.parse("2026-11-27T00:00:00Z"));

    @TempDir
    Path directory;
    private DuckDbEventLog log;
    private TelemetryStore store;
    private ConsumerRunner runner;

    @BeforeEach
    void open() {
        log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
        store = DuckDbTelemetryStore.open(directory.resolve("telemetry.duckdb"));
        runner = new ConsumerRunner(log, new InMemoryCursors(), new TelemetryIndexer(store, new TelemetryParses()));
    }

    @AfterEach
    void close() {
        runner.close();
        store.close();
        log.close();
    }

    private static TelemetryReceived telemetry(Optional<String> component, Map<String, String> properties,
            String body, int second) {
        return new TelemetryReceived(DEVICE, ACCEPTED.plusSeconds(second), component, properties, Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static SeriesKey series(String component, String capability) {
        return new SeriesKey(DEVICE, component, capability);
    }

    private void deviceSends(PlatformEvent... events) {
        List.of(events).stream().map(log::append).toList().forEach(CompletableFuture::join);
    }

    @Test
    void jsonMembersBecomeTypedPointsFlattenedAndTimedLikeTheLastValues() {
        deviceSends(
                telemetry(Optional.empty(), Map.of(), "{\"temp\":21.5,\"on\":true,\"mode\":\"eco\",\"gone\":null,"
                        + "\"location\":{\"lat\":47.6,\"lon\":-122.1,\"alt\":{\"m\":12}},\"tags\":[1,\"a\"]}", 0),
                telemetry(Optional.of("thermostat1"), Map.of(TelemetryMessages.CREATION_TIME, "2026-11-26T09:59:00Z"),
                        "{\"temp\":7}", 1),
                telemetry(Optional.empty(), Map.of(TelemetryMessages.CREATION_TIME, "yesterday"), "{\"temp\":22}", 2),
                telemetry(Optional.empty(), Map.of(), "not json", 3),
                telemetry(Optional.empty(), Map.of(), "[1,2,3]", 4),
                new PlatformEvent.DeviceConnected(DEVICE, ACCEPTED));

        while (runner.runOnce() > 0) {
            // drain the log
        }

        assertThat(store.raw(series("", "temp"), DAY, 10)).containsExactly(
                new TelemetryPoint(series("", "temp"), ACCEPTED, TelemetryValue.of(21.5)),
                new TelemetryPoint(series("", "temp"), ACCEPTED.plusSeconds(2), TelemetryValue.of(22)));
        assertThat(store.raw(series("thermostat1", "temp"), DAY, 10)).extracting(TelemetryPoint::time)
                .containsExactly(Instant.parse("2026-11-26T09:59:00Z"));
        assertThat(store.raw(series("", "on"), DAY, 10)).extracting(TelemetryPoint::value)
                .containsExactly(TelemetryValue.of(true));
        assertThat(store.raw(series("", "mode"), DAY, 10)).extracting(TelemetryPoint::value)
                .containsExactly(TelemetryValue.of("eco"));
        assertThat(store.raw(series("", "location.lat"), DAY, 10)).extracting(TelemetryPoint::value)
                .containsExactly(TelemetryValue.of(47.6));
        assertThat(store.raw(series("", "location.alt.m"), DAY, 10)).extracting(TelemetryPoint::value)
                .containsExactly(TelemetryValue.of(12));
        assertThat(store.raw(series("", "tags"), DAY, 10)).extracting(TelemetryPoint::value)
                .containsExactly(TelemetryValue.of("[1,\"a\"]"));
        assertThat(store.raw(series("", "gone"), DAY, 10)).isEmpty();
    }

    @Test
    void aRunningIndexerKeepsUpWithTheLogFromSequenceZero() {
        for (int i = 0; i < 3_000; i++) {
            log.append(telemetry(Optional.empty(), Map.of(), "{\"n\":" + i + "}", i % 3_600));
        }
        runner.start();
        for (int i = 3_000; i < 5_000; i++) {
            log.append(telemetry(Optional.empty(), Map.of(), "{\"n\":" + i + "}", i % 3_600));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> store.raw(series("", "n"), DAY, 10_000).size() == 5_000);
        assertThat(store.buckets(series("", "n"), DAY, Duration.ofDays(1),
                Source.AUTO).getFirst().aggregate().sum()).isEqualTo(4_999 * 5_000 / 2.0);
    }
}
