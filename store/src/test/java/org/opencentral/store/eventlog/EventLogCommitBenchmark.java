package org.opencentral.store.eventlog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencentral.store.internal.DuckDbFiles;

/**
 * What one group commit of a small batch costs the committing thread on the event log's DuckDB
 * (not a test): the CPU of each step, for ways of writing a batch in one durable transaction,
 * alternated, on the log's settings ({@link DuckDbEventLog#configure}: one thread) and one file:
 *
 * <ul>
 * <li>{@code begin+appender+commit}: {@code BEGIN}, a new Appender, the rows, {@code flush}, {@code COMMIT}
 *     (what the log's writer did before);
 * <li>{@code begin+kept appender+commit}: the same with one long-lived Appender;
 * <li>{@code kept appender, autocommit}: one long-lived Appender whose {@code flush} is the transaction
 *     (no {@code BEGIN}/{@code COMMIT} statements): {@link EventTable#appendCommitted} since this change;
 * <li>{@code prepared insert, autocommit}: one prepared multi-row {@code INSERT} per batch size.
 * </ul>
 *
 * <pre>./mvnw -q -pl store -Pbench test-compile exec:exec -Dbench.main=org.opencentral.store.eventlog.EventLogCommitBenchmark -Dbench.heap=1g -Dbench.args="/tmp/elc 1,10,100 300 3"</pre>
 * Arguments: directory, rows per commit (a comma-separated list), commits per run, rounds. Each variant checks that a second
 * connection sees every committed row (a commit, not a buffered write).
 */
public final class EventLogCommitBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARMUP = 100;

    private EventLogCommitBenchmark() {
    }

    /** One way of committing a batch; {@code steps} accumulates each step's CPU nanoseconds. */
    private interface Variant extends AutoCloseable {
        String name();

        List<String> stepNames();

        void commit(long firstSequence, List<EncodedEvent> batch, long[] steps) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int commits = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Files.createDirectories(directory);
        for (int round = 0; round < rounds; round++) {
            for (String rows : args[1].split(",")) {
                List<EncodedEvent> batch = new ArrayList<>();
                for (int i = 0; i < Integer.parseInt(rows); i++) {
                    batch.add(EventCodec.encode(EventLogWriteBenchmark.telemetry(i)));
                }
                runAll(directory, round + "-" + rows, batch, commits);
            }
        }
    }

    /** Each variant on a new file, one after another. */
    private static void runAll(Path directory, String name, List<EncodedEvent> batch, int commits) throws Exception {
        for (int v = 0; v < 4; v++) {
            Path file = directory.resolve("r" + name + "-v" + v + ".duckdb");
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
            try (DuckDBConnection connection = DuckDbFiles.connect(file)) {
                DuckDbEventLog.configure(connection, DuckDbLogSettings.DEFAULTS);
                LogFiles files = LogFiles.attach(connection, file, false);
                EventTable.create(connection, files);
                try (Variant variant = variant(v, connection, files.active())) {
                    run(variant, connection, files, batch, commits);
                }
            }
        }
    }

    private static Variant variant(int v, DuckDBConnection connection, LogFiles.File file) throws SQLException {
        return switch (v) {
            case 0 -> new Explicit(connection, file, false);
            case 1 -> new Explicit(connection, file, true);
            case 2 -> new AutoAppender(connection, file);
            default -> new PreparedInsert(connection, file);
        };
    }

    private static void run(Variant variant, DuckDBConnection connection, LogFiles files, List<EncodedEvent> batch,
            int commits) throws SQLException {
        long[] steps = new long[variant.stepNames().size()];
        long sequence = 1;
        for (int i = 0; i < WARMUP; i++, sequence += batch.size()) {
            variant.commit(sequence, batch, steps);
        }
        Arrays.fill(steps, 0);
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < commits; i++, sequence += batch.size()) {
            variant.commit(sequence, batch, steps);
        }
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        long visible;
        try (DuckDBConnection other = (DuckDBConnection) connection.duplicate()) {
            visible = EventTable.maxSequence(other, files);
        }
        if (visible != sequence - 1) {
            throw new IllegalStateException(variant.name() + ": a second connection sees up to " + visible
                    + ", not " + (sequence - 1));
        }
        StringBuilder line = new StringBuilder(String.format("%-32s %,d × %d rows: whole commit CPU %,6.0f µs, wall %,6.0f µs;",
                variant.name(), commits, batch.size(), cpu / 1e3 / commits, wall / 1e3 / commits));
        for (int s = 0; s < steps.length; s++) {
            line.append(String.format(" %s %,.0f", variant.stepNames().get(s), steps[s] / 1e3 / commits));
        }
        System.out.println(line);
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static DuckDBAppender appender(DuckDBConnection connection, LogFiles.File file) throws SQLException {
        return connection.createAppender(file.catalog(), DuckDBConnection.DEFAULT_SCHEMA, "events");
    }

    /** {@code BEGIN}, the rows through an Appender (new per batch, or kept), {@code COMMIT}. */
    private static final class Explicit implements Variant {
        private final DuckDBConnection connection;
        private final LogFiles.File file;
        private final Statement statement;
        private final DuckDBAppender kept;

        Explicit(DuckDBConnection connection, LogFiles.File file, boolean keep) throws SQLException {
            this.connection = connection;
            this.file = file;
            this.statement = connection.createStatement();
            this.kept = keep ? appender(connection, file) : null;
        }

        @Override
        public String name() {
            return kept == null ? "begin+appender+commit" : "begin+kept appender+commit";
        }

        @Override
        public List<String> stepNames() {
            return List.of("BEGIN", "create Appender", "rows", "flush", "COMMIT");
        }

        @Override
        public void commit(long firstSequence, List<EncodedEvent> batch, long[] steps) throws SQLException {
            long t0 = cpu();
            statement.execute("BEGIN TRANSACTION");
            long t1 = cpu();
            DuckDBAppender appender = kept == null ? appender(connection, file) : kept;
            long t2 = cpu();
            EventTable.appendRows(appender, firstSequence, batch);
            long t3 = cpu();
            appender.flush();
            if (kept == null) {
                appender.close();
            }
            long t4 = cpu();
            statement.execute("COMMIT");
            long t5 = cpu();
            steps[0] += t1 - t0;
            steps[1] += t2 - t1;
            steps[2] += t3 - t2;
            steps[3] += t4 - t3;
            steps[4] += t5 - t4;
        }

        @Override
        public void close() throws SQLException {
            if (kept != null) {
                kept.close();
            }
            statement.close();
        }
    }

    /** One long-lived Appender on an autocommit connection: each {@code flush} is one transaction. */
    private static final class AutoAppender implements Variant {
        private final DuckDBConnection connection;
        private final DuckDBAppender appender;

        AutoAppender(DuckDBConnection connection, LogFiles.File file) throws SQLException {
            this.connection = connection;
            this.appender = appender(connection, file);
        }

        @Override
        public String name() {
            return "kept appender, autocommit";
        }

        @Override
        public List<String> stepNames() {
            return List.of("rows", "flush (= commit)");
        }

        /** {@link EventTable#appendCommitted}: autocommitted below {@link EventTable#AUTOCOMMIT_ROWS} rows. */
        @Override
        public void commit(long firstSequence, List<EncodedEvent> batch, long[] steps) throws SQLException {
            long[] rowsAdded = new long[1];
            long t0 = cpu();
            EventTable.appendCommitted(connection, appender, firstSequence, batch, () -> rowsAdded[0] = cpu());
            long t2 = cpu();
            steps[0] += rowsAdded[0] - t0;
            steps[1] += t2 - rowsAdded[0];
        }

        @Override
        public void close() throws SQLException {
            appender.close();
        }
    }

    /** A prepared {@code INSERT ... VALUES (?, ...), ...} of the batch's size, autocommitted. */
    private static final class PreparedInsert implements Variant {
        private final DuckDBConnection connection;
        private final LogFiles.File file;
        private PreparedStatement insert;
        private int preparedRows;

        PreparedInsert(DuckDBConnection connection, LogFiles.File file) {
            this.connection = connection;
            this.file = file;
        }

        @Override
        public String name() {
            return "prepared insert, autocommit";
        }

        @Override
        public List<String> stepNames() {
            return List.of("bind", "execute (= commit)");
        }

        @Override
        public void commit(long firstSequence, List<EncodedEvent> batch, long[] steps) throws SQLException {
            if (preparedRows != batch.size()) {
                close();
                String row = "(?, make_timestamp_ns(?), ?, ?, ?, ?)";
                insert = connection.prepareStatement("INSERT INTO " + file.events() + " VALUES "
                        + String.join(", ", java.util.Collections.nCopies(batch.size(), row)));
                preparedRows = batch.size();
            }
            long t0 = cpu();
            int p = 1;
            long sequence = firstSequence;
            for (EncodedEvent event : batch) {
                insert.setLong(p++, sequence++);
                insert.setLong(p++, event.epochNanos());
                insert.setString(p++, event.kind());
                insert.setString(p++, event.deviceId().isEmpty() ? null : event.deviceId());
                insert.setString(p++, event.payload());
                insert.setBytes(p++, event.body().length == 0 ? null : event.body());
            }
            long t1 = cpu();
            insert.executeUpdate();
            long t2 = cpu();
            steps[0] += t1 - t0;
            steps[1] += t2 - t1;
        }

        @Override
        public void close() throws SQLException {
            if (insert != null) {
                insert.close();
            }
        }
    }
}
