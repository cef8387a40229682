package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.store.eventlog.DuckDbCheckpointer.Step;
import org.opencentral.store.internal.DuckDbFiles;

/** The checkpoint policy, stepped by hand on the two real DuckDB files of a log whose inline checkpoints are off. */
@Timeout(60)
class DuckDbCheckpointerTest {
    private static final long LIMIT = 1L << 20;
    private static final DuckDbLogSettings SETTINGS = new DuckDbLogSettings(true, LIMIT, Duration.ofMillis(300));

    @TempDir
    Path directory;
    private Path file;
    private DuckDBConnection writer;
    private LogFiles files;
    private DuckDbCheckpointer checkpointer;

    @BeforeEach
    void openDatabase() throws SQLException {
        file = directory.resolve("events.duckdb");
        open();
    }

    private void open() throws SQLException {
        writer = DuckDbFiles.connect(file);
        execute("SET checkpoint_threshold = '1GB'");
        files = LogFiles.attach(writer, file, true);
        EventTable.create(writer, files);
        checkpointer = new DuckDbCheckpointer(writer.duplicate(), files, SETTINGS);
    }

    @AfterEach
    void close() throws SQLException {
        checkpointer.close();
        writer.close();
    }

    @Test
    void theFilesSwapWhenTheActiveWalIsFullAndTheRestingOneIsThenCheckpointed() throws Exception {
        assertThat(LogFiles.secondFile(file)).hasFileName("events-2.duckdb").exists();
        runUntilWaiting();
        LogFiles.File first = files.active();
        insertRows(100);
        assertThat(checkpointer.runOnce()).isEqualTo(Step.WAITED);

        fillActiveWal(LIMIT);
        long rows = count();
        assertThat(checkpointer.runOnce()).isEqualTo(Step.SWAPPED);
        assertThat(files.active()).isNotEqualTo(first);
        insertRows(100);

        assertThat(checkpointer.runOnce()).isEqualTo(Step.CHECKPOINTED_RESTING);
        assertThat(first.walBytes()).isZero();
        assertThat(files.active().walBytes()).isPositive();
        assertThat(count()).isEqualTo(rows + 100);
        assertThat(checkpointer.runOnce()).isEqualTo(Step.WAITED);
    }

    @Test
    void theRestingFileIsCheckpointedWhileTheWriterHasATransactionOpenOnTheActiveOne() throws Exception {
        runUntilWaiting();
        fillActiveWal(LIMIT);
        assertThat(checkpointer.runOnce()).isEqualTo(Step.SWAPPED);

        try (Statement open = writer.createStatement()) {
            open.execute("BEGIN TRANSACTION");
            open.execute("INSERT INTO " + files.active().events() + " SELECT range, make_timestamp_ns(range), "
                    + "'connected', 'd', '{}', NULL FROM range(1000)");
            assertThat(checkpointer.runOnce()).isEqualTo(Step.CHECKPOINTED_RESTING);
            open.execute("COMMIT");
        }
        assertThat(files.resting().walBytes()).isZero();
    }

    @Test
    void aBatchBegunOnTheRestingFileBeforeTheSwapIsCheckpointedAfterItCommits() throws Exception {
        runUntilWaiting();
        fillActiveWal(LIMIT);
        assertThat(checkpointer.runOnce()).isEqualTo(Step.SWAPPED);
        long rows = count();

        try (Statement lateBatch = writer.createStatement()) {
            lateBatch.execute("BEGIN TRANSACTION");
            lateBatch.execute("INSERT INTO " + files.resting().events() + " SELECT range, make_timestamp_ns(range), "
                    + "'connected', 'd', '{}', NULL FROM range(10)");
            assertThat(checkpointer.runOnce()).isEqualTo(Step.CHECKPOINTED_RESTING);
            lateBatch.execute("COMMIT");
        }
        assertThat(files.resting().walBytes()).isPositive();

        assertThat(checkpointer.runOnce()).isEqualTo(Step.CHECKPOINTED_RESTING);
        assertThat(files.resting().walBytes()).isZero();
        assertThat(count()).isEqualTo(rows + 10);
    }

    @Test
    void anIdleActiveWalIsCheckpointedOnlyWhenItIsWorthIt() throws Exception {
        runUntilWaiting();
        insertRows(10);
        for (int run = 0; run < 10; run++) {
            assertThat(checkpointer.runOnce()).as("a tiny WAL is left alone").isEqualTo(Step.WAITED);
        }

        fillActiveWal(SETTINGS.idleMinimumBytes());
        assertThat(checkpointer.runOnce()).as("it grew since the last run").isEqualTo(Step.WAITED);
        assertThat(checkpointer.runOnce()).as("idle for one tick of three").isEqualTo(Step.WAITED);
        assertThat(checkpointer.runOnce()).as("idle for two ticks of three").isEqualTo(Step.WAITED);

        assertThat(checkpointer.runOnce()).isEqualTo(Step.CHECKPOINTED_IDLE);
        assertThat(files.active().walBytes()).isZero();
    }

    @Test
    void rowsInBothFilesSurviveReopening() throws Exception {
        runUntilWaiting();
        fillActiveWal(LIMIT);
        assertThat(checkpointer.runOnce()).isEqualTo(Step.SWAPPED);
        insertRows(5);
        assertThat(checkpointer.runOnce()).isEqualTo(Step.CHECKPOINTED_RESTING);
        long rows = count();
        checkpointer.close();
        writer.close();

        open();
        assertThat(count()).isEqualTo(rows);
        assertThat(EventTable.maxSequence(writer, files)).isEqualTo(rows - 1);
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> new DuckDbLogSettings(true, 1_000, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 KiB");
        assertThatThrownBy(() -> new DuckDbLogSettings(true, LIMIT, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThat(new DuckDbLogSettings(false, LIMIT, Duration.ofSeconds(1)).inlineThresholdBytes()).isEqualTo(LIMIT);
        assertThat(SETTINGS.inlineThresholdBytes()).isGreaterThan(LIMIT);
    }

    /** Creating the tables left a little in the WAL of each file; start from clean files. */
    private void runUntilWaiting() {
        execute("CHECKPOINT " + LogFiles.quote(files.active().catalog()));
        execute("CHECKPOINT " + LogFiles.quote(files.resting().catalog()));
        assertThat(checkpointer.runOnce()).isEqualTo(Step.WAITED);
    }

    private long sequence;

    private void insertRows(int rows) {
        execute("INSERT INTO " + files.active().events() + " SELECT " + sequence + " + range, make_timestamp_ns(range), "
                + "'telemetry', 'device-1', repeat('x', 200), NULL FROM range(" + rows + ")");
        sequence += rows;
    }

    private void fillActiveWal(long bytes) throws IOException {
        while (files.active().walBytes() < bytes) {
            insertRows(2_000);
        }
    }

    private long count() throws SQLException {
        try (Statement statement = writer.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM " + files.allEvents())) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String sql) {
        try (Statement statement = writer.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
