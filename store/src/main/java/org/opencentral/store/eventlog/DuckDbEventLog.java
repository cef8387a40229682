package org.opencentral.store.eventlog;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.duckdb.DuckDBConnection;
import org.opencentral.store.internal.DuckDbFiles;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.store.internal.FixedConnectionPool;

/**
 * The embedded event log: the group-commit writer thread journals each batch ({@link Journal}, the
 * directory {@code events.journal}: durable there, then acknowledged) and a filler thread appends the
 * journaled events into DuckDB files ({@link LogFiles}: {@code events.duckdb} and, with background
 * checkpoints, {@code events-2.duckdb}), read through a few duplicated connections and checkpointed as
 * {@link DuckDbLogSettings} say ({@link JournaledLogStorage}).
 */
public final class DuckDbEventLog extends GroupCommitLog {
    private static final int READERS = 3;

    private final JournaledLogStorage files;

    private DuckDbEventLog(JournaledLogStorage storage, long last, TailLimits tail, CommitCadence cadence) {
        super(storage, last, tail, cadence);
        this.files = storage;
    }

    /** The journal of the log file {@code file}: {@code events.duckdb} → the directory {@code events.journal}. */
    static Path journalOf(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".duckdb") ? name.substring(0, name.length() - ".duckdb".length()) : name;
        return file.resolveSibling(stem + ".journal");
    }

    /** Events acknowledged (in the journal) and not yet in the DuckDB files. */
    public long fillLag() {
        return files.fillLag();
    }

    /**
     * Reports each transaction that fills the DuckDB files from the journal: its events, how long
     * appending and committing them took, and whether it failed (it is retried then).
     */
    public void observeFills(FillObserver observer) {
        files.observeFills(Objects.requireNonNull(observer, "observer"));
    }

    /** Told about each fill of the DuckDB files from the journal, on the filler's thread: cheap, never blocking. */
    @FunctionalInterface
    public interface FillObserver {
        void fill(int events, long commitNanos, boolean failed);
    }

    /**
     * Writes a consistent copy of the log, while it is open and appended to, to {@code target} (a new
     * file: the main file of a restored log): every event durable when this is called, and none
     * after. Returns the sequence of the last event copied, the backup's log position.
     */
    public long backupTo(Path target) {
        long position = lastSequence();
        try {
            files.backupTo(target, position);
        } catch (SQLException e) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot back up the event log to " + target, e);
        }
        return position;
    }

    /** Opens (creating them and their parent directories if needed) the log's files; sequences continue. */
    public static DuckDbEventLog open(Path file) {
        return open(file, DuckDbLogSettings.DEFAULTS);
    }

    /** Like {@link #open(Path)}, checkpointing as {@code settings} say. */
    public static DuckDbEventLog open(Path file, DuckDbLogSettings settings) {
        return open(file, settings, TailLimits.DEFAULTS);
    }

    /** Like {@link #open(Path, DuckDbLogSettings)}, keeping the newest events in memory as {@code tail} says. */
    public static DuckDbEventLog open(Path file, DuckDbLogSettings settings, TailLimits tail) {
        return open(file, settings, tail, CommitCadence.DEFAULTS);
    }

    /** Like {@link #open(Path, DuckDbLogSettings, TailLimits)}, committing at the pace {@code cadence} sets. */
    public static DuckDbEventLog open(Path file, DuckDbLogSettings settings, TailLimits tail, CommitCadence cadence) {
        Path absolute = file.toAbsolutePath();
        List<Connection> opened = new ArrayList<>();
        try {
            DuckDBConnection connection = DuckDbFiles.connect(absolute);
            opened.add(connection);
            configure(connection, settings);
            LogFiles files = LogFiles.attach(connection, absolute, settings.backgroundCheckpoints());
            EventTable.create(connection, files);
            List<Connection> readerConnections = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readerConnections.add(connection.duplicate());
            }
            opened.addAll(readerConnections);
            Optional<DuckDbCheckpointer> checkpointer = Optional.empty();
            if (settings.backgroundCheckpoints()) {
                Connection own = connection.duplicate();
                opened.add(own);
                checkpointer = Optional.of(new DuckDbCheckpointer(own, files, settings));
            }
            DuckDbLogStorage duckdb = new DuckDbLogStorage(absolute.toString(), connection, files,
                    new FixedConnectionPool(readerConnections), checkpointer);
            JournaledLogStorage storage = JournaledLogStorage.open(duckdb, journalOf(absolute));
            DuckDbEventLog log = new DuckDbEventLog(storage, storage.maxSequence(), tail, cadence);
            checkpointer.ifPresent(DuckDbCheckpointer::start);
            return log;
        } catch (SQLException | IOException e) {
            opened.reversed().forEach(DuckDbLogStorage::closeQuietly);
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot open the event log " + absolute, e);
        }
    }

    /**
     * Global settings of this database instance: DuckDB's inline checkpoint threshold, and one thread.
     * With DuckDB's default (a worker per core) every {@code COMMIT}, even of one row, spends
     * milliseconds of CPU on the committing thread waiting for its workers, and the writer commits
     * back to back whenever events keep arriving; with {@code threads = 1} a commit runs on the writer
     * alone (BENCHMARKS.md, "Where the core goes at 10,000 msg/s"). The log's own queries are
     * sequence-range reads, which gain nothing from parallel workers on a 2-core node.
     */
    static void configure(DuckDBConnection connection, DuckDbLogSettings settings) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET checkpoint_threshold = '" + settings.inlineThresholdBytes() + "B'");
        }
        DuckDbFiles.setThreads(connection, 1);
    }
}
