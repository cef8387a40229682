package org.opencentral.platform.export.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportSource;
import org.opencentral.core.export.FolderDestination;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.platform.export.ExportStatus;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * A {@code folder@v1} export from the real event log: messages land as JSON lines in blob storage's
 * layout, one file per minute of enqueued time; a batch sent again (its cursor save lost) repeats
 * lines, never loses one; a partial last line (a crash mid-append) is cut before the next append; an
 * unwritable folder is an error on the destination and the lines arrive once it is fixed.
 */
@Timeout(120)
class FolderDeliveryTest {
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(1));
    private static final List<DeviceId> DEVICES = List.of(DeviceId.of("d-1"), DeviceId.of("d-2"));
    private static final String CURSOR = "export:all:folder";

    @TempDir
    Path directory;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:59.990Z"));
    private Path root;
    private StateStore state;
    private DuckDbEventLog log;
    private ExportRunner runner;

    @BeforeEach
    void open() {
        root = directory.resolve("exports");
        state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
        runner = runner();
        state.exports().putDestination(new FolderDestination("folder", "Folder", "site/raw"));
        state.exports().putExport(new Export("all", "All telemetry", true, ExportSource.TELEMETRY, Optional.empty(),
                Map.of(), List.of(new DestinationReference("folder", Optional.empty()))));
        runner.runOnce();
    }

    private ExportRunner runner() {
        return new ExportRunner(state.exports(), new PipeContext(log, state.cursors(), new ExportMessages("app-1"),
                id -> DeviceFacts.NONE, RETRY, clock, 50),
                destination -> new MinuteFiles(new FolderFiles(root, (FolderDestination) destination)), stats -> { });
    }

    /** A restart after a crash that lost the cursor's saves since {@code position} (a pipe keeps its cursor in memory). */
    private void restartWithCursorAt(long position) {
        runner.close();
        state.cursors().save(CURSOR, position);
        runner = runner();
    }

    @AfterEach
    void close() {
        runner.close();
        log.close();
        state.close();
    }

    private Path file(String minute) {
        return root.resolve("site/raw/app-1/0/2026/12/01/10/" + minute + "/all.json");
    }

    private List<String> lines(String minute) throws IOException {
        return Files.readAllLines(file(minute)).stream().map(Json::parse)
                .map(m -> m.path("deviceId").asText() + "/" + m.at("/telemetry/n").asInt()).toList();
    }

    @Test
    void linesLandInTheFileOfTheirMinuteAndABatchSentAgainRepeatsButLosesNone() throws IOException {
        long start = state.cursors().position(CURSOR);
        TelemetryRounds.send(log, clock, DEVICES, 0); // 10:00:59.990
        clock.advance(Duration.ofMillis(20));
        TelemetryRounds.send(log, clock, DEVICES, 1); // 10:01:00.010
        TelemetryRounds.drain(runner, clock);
        assertThat(lines("00")).containsExactly("d-1/0", "d-2/0");
        assertThat(lines("01")).containsExactly("d-1/1", "d-2/1");
        JsonNode first = Json.parse(Files.readAllLines(file("00")).getFirst());
        assertThat(first.path("applicationId").asText()).isEqualTo("app-1");
        assertThat(first.path("enqueuedTime").asText()).isEqualTo("2026-12-01T10:00:59.990Z");

        restartWithCursorAt(start); // as if the cursor save after the batch had been lost in a crash
        TelemetryRounds.drain(runner, clock);
        assertThat(lines("00")).containsExactly("d-1/0", "d-2/0", "d-1/0", "d-2/0");
        assertThat(lines("01")).containsExactly("d-1/1", "d-2/1", "d-1/1", "d-2/1");
    }

    @Test
    void aPartialLastLineFromACrashIsCutBeforeTheBatchIsWrittenAgain() throws IOException {
        long start = state.cursors().position(CURSOR);
        TelemetryRounds.send(log, clock, DEVICES, 0);
        TelemetryRounds.drain(runner, clock);
        Files.writeString(file("00"), "{\"half\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        restartWithCursorAt(start);
        TelemetryRounds.drain(runner, clock);
        assertThat(lines("00")).containsExactly("d-1/0", "d-2/0", "d-1/0", "d-2/0");
    }

    @Test
    void anUnwritableFolderIsAnErrorAndTheLinesArriveOnceItIsFixed() throws IOException {
        Files.createDirectories(root.resolve("site"));
        Files.writeString(root.resolve("site/raw"), "a file where the folder should be");
        TelemetryRounds.send(log, clock, DEVICES, 0);
        runner.runOnce();
        ExportStatus.Error error = runner.of(state.exports().findDestination("folder").orElseThrow()).errors().getFirst();
        assertThat(error.code()).isEqualTo(ExportStatus.Error.DELIVERY_FAILED);
        assertThat(error.message()).contains("app-1/0/2026/12/01/10/00/all.json");

        Files.delete(root.resolve("site/raw"));
        clock.advance(Duration.ofMinutes(1));
        TelemetryRounds.drain(runner, clock);
        assertThat(lines("00")).containsExactly("d-1/0", "d-2/0");
    }
}
