package org.opencentral.platform.export.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportSource;
import org.opencentral.core.export.PostgresDestination;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.platform.export.ExportStatus;
import org.opencentral.store.contract.SharedPostgres;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.export.PostgresExportTable;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * A {@code postgresql@v1} export from the real event log into a table of the embedded PostgreSQL:
 * the table is created, rows arrive in log order with their columns, a batch sent again (its cursor
 * save lost) adds no rows, and a refused connection is an error that names the table, not the password.
 */
@Timeout(120)
class PostgresDeliveryTest {
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(1));
    private static final List<DeviceId> DEVICES = List.of(DeviceId.of("d-1"), DeviceId.of("d-2"), DeviceId.of("d-3"));
    private static final String CURSOR = "export:all:table";

    @TempDir
    Path directory;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final String url = SharedPostgres.newSchemaUrlWithoutCredentials("export");
    private StateStore state;
    private DuckDbEventLog log;
    private ExportRunner runner;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
        runner = runner();
    }

    private ExportRunner runner() {
        return new ExportRunner(state.exports(), new PipeContext(log, state.cursors(), new ExportMessages("app-1"),
                id -> DeviceFacts.NONE, RETRY, clock, 50),
                destination -> new PostgresSender(new PostgresExportTable((PostgresDestination) destination)), stats -> { });
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

    private void define(String user, String password) {
        state.exports().putDestination(new PostgresDestination("table", "Table", url, user, password, "exported"));
        state.exports().putExport(new Export("all", "All telemetry", true, ExportSource.TELEMETRY, Optional.empty(),
                Map.of(), List.of(new DestinationReference("table", Optional.empty()))));
        runner.runOnce();
    }

    private void send(int round) {
        TelemetryRounds.send(log, clock, DEVICES, round);
    }

    private void drain() {
        TelemetryRounds.drain(runner, clock);
    }

    private List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, SharedPostgres.USER, SharedPostgres.PASSWORD);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT device_id, message_source, enqueued_time, message->'telemetry'->>'n',"
                        + " message->>'deviceId', idempotency_key, message->>'enqueuedTime' FROM exported ORDER BY id")) {
            while (r.next()) {
                assertThat(r.getTimestamp(3).toInstant()).isEqualTo(Instant.parse(r.getString(7)));
                assertThat(r.getString(5)).isEqualTo(r.getString(1));
                assertThat(r.getString(6)).startsWith("all:");
                rows.add(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(4));
            }
        }
        return rows;
    }

    @Test
    void rowsArriveInLogOrderInACreatedTableAndABatchSentAgainAddsNone() throws SQLException {
        define(SharedPostgres.USER, SharedPostgres.PASSWORD);
        long start = state.cursors().position(CURSOR);
        for (int round = 0; round < 3; round++) {
            send(round);
        }
        drain();
        List<String> expected = List.of("d-1/telemetry/0", "d-2/telemetry/0", "d-3/telemetry/0",
                "d-1/telemetry/1", "d-2/telemetry/1", "d-3/telemetry/1",
                "d-1/telemetry/2", "d-2/telemetry/2", "d-3/telemetry/2");
        assertThat(rows()).containsExactlyElementsOf(expected);

        restartWithCursorAt(start); // as if the cursor save after the batch had been lost in a crash
        drain();
        assertThat(rows()).as("the idempotency keys drop the rows already there").containsExactlyElementsOf(expected);
        send(3);
        drain();
        assertThat(rows()).hasSize(12).last().isEqualTo("d-3/telemetry/3");
    }

    @Test
    void aRefusedLoginIsAnErrorNamingTheTableNotThePasswordAndTheRowsArriveOnceItIsFixed() throws SQLException {
        define("nobody", "not-the-password");
        send(0);
        runner.runOnce();
        ExportStatus.Error error = runner.of(state.exports().findDestination("table").orElseThrow()).errors().getFirst();
        assertThat(error.code()).isEqualTo(ExportStatus.Error.DELIVERY_FAILED);
        assertThat(error.message()).contains("inserting into table 'exported'", "role \"nobody\" does not exist")
                .doesNotContain("not-the-password", "currentSchema");

        define(SharedPostgres.USER, SharedPostgres.PASSWORD);
        drain();
        assertThat(rows()).containsExactly("d-1/telemetry/0", "d-2/telemetry/0", "d-3/telemetry/0");
    }
}
