package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.store.internal.DuckDbFiles;

/** The DuckDB writer's batches: all of a batch or nothing of it, autocommitted or in an explicit transaction. */
class EventTableTest {
    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0} events")
    @ValueSource(ints = {3, EventTable.AUTOCOMMIT_ROWS - 1, EventTable.AUTOCOMMIT_ROWS + 100})
    void aBatchThatFailsHalfwayLeavesNothingAndTheNextBatchCommitsWithANewAppender(int size) throws SQLException {
        Path file = directory.resolve("events.duckdb");
        try (DuckDBConnection writer = DuckDbFiles.connect(file)) {
            DuckDbEventLog.configure(writer, DuckDbLogSettings.DEFAULTS);
            LogFiles files = LogFiles.attach(writer, file, false);
            EventTable.create(writer, files);
            List<EncodedEvent> failing = new ArrayList<>();
            for (int i = 0; i < size - 1; i++) {
                failing.add(EventCodec.encode(Events.numbered(i)));
            }
            EncodedEvent good = failing.getFirst();
            // beyond the nanosecond timestamps' range: fails when its row is added, after the others
            failing.add(new EncodedEvent(Instant.parse("3000-01-01T00:00:00Z"), good.kind(), good.deviceId(),
                    good.payload(), good.body()));

            DuckDBAppender first = appender(writer, files);
            assertThatThrownBy(() -> EventTable.appendCommitted(writer, first, 1, failing))
                    .isInstanceOf(ArithmeticException.class);
            assertThat(EventTable.maxSequence(writer, files)).isZero();

            try (DuckDBAppender next = appender(writer, files)) {
                EventTable.appendCommitted(writer, next, 1, failing.subList(0, size - 1));
            }
            try (DuckDBConnection reader = (DuckDBConnection) writer.duplicate()) {
                assertThat(EventTable.maxSequence(reader, files)).isEqualTo(size - 1);
                assertThat(EventTable.read(reader, files, 0, size, size)).hasSize(size - 1);
            }
        }
    }

    private static DuckDBAppender appender(DuckDBConnection connection, LogFiles files) throws SQLException {
        return connection.createAppender(files.active().catalog(), DuckDBConnection.DEFAULT_SCHEMA, "events");
    }
}
