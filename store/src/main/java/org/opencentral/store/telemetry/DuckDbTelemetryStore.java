package org.opencentral.store.telemetry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.opencentral.store.internal.DuckDbBackups;
import org.opencentral.store.internal.DuckDbFiles;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.store.internal.FixedConnectionPool;

/**
 * The embedded telemetry store: its own DuckDB file, apart from the event log's. Two files keep
 * two independent write paths (DuckDB serialises commits and checkpoints per database: the log's
 * group commit must not wait behind a telemetry batch, a rollup merge or a retention delete), and
 * the telemetry file is a derived index that can be deleted and rebuilt by replaying the log.
 *
 * <p>The database runs on {@link #THREADS} DuckDB thread: the caller's. DuckDB's default (a worker per
 * core) made every append cost the committing thread 2–3× the CPU, waiting for a worker that the busy
 * cores did not run (BENCHMARKS.md, "The telemetry store's DuckDB beside the ack path"). DuckDB's own
 * threads, those it starts when the database opens and any workers, inherit the nice value and name of
 * the thread that starts them (here the opener's: nice 0 on the server); with one thread none of them
 * does any work.
 */
public final class DuckDbTelemetryStore {
    /** DuckDB's {@code threads} for this database: the appends' and the queries' own threads, no workers. */
    public static final int THREADS = 1;

    private static final int READERS = 3;

    private DuckDbTelemetryStore() {
    }

    /** Opens (creating it and its directory if needed) the store in {@code file}. */
    public static TelemetryStore open(Path file) {
        return openWithBackup(file).store();
    }

    /** The open store and how to copy it consistently while it is open (closing the store ends both). */
    public record Opened(TelemetryStore store, Backup backup) {
    }

    /** A consistent copy of the open store: what was committed when the copy began. */
    @FunctionalInterface
    public interface Backup {
        /** Writes the copy to {@code target}, a new DuckDB file. */
        void to(Path target);
    }

    /** Like {@link #open(Path)}, with the store's {@link Backup}. */
    public static Opened openWithBackup(Path file) {
        return openWithBackup(file, THREADS);
    }

    /** Like {@link #openWithBackup(Path)} with {@code threads} DuckDB threads (1 to 64), for comparing them. */
    public static Opened openWithBackup(Path file, int threads) {
        DuckDbFiles.requireThreads(threads);   // before anything is created
        Path absolute = file.toAbsolutePath();
        List<Connection> opened = new ArrayList<>();
        try {
            DuckDBConnection writer = DuckDbFiles.connect(absolute);
            opened.add(writer);
            DuckDbFiles.setThreads(writer, threads);
            DuckDbTelemetrySchema.create(writer);
            SeriesDictionary dictionary = new SeriesDictionary(new AppendedSeries());
            dictionary.load(writer);
            for (int i = 0; i < READERS; i++) {
                opened.add(writer.duplicate());
            }
            FixedConnectionPool readers = new FixedConnectionPool(opened.subList(1, opened.size()));
            TelemetryStore store = new JdbcTelemetryStore(new DuckDbTelemetryWriter(writer, dictionary),
                    new TelemetryReader(TelemetryDialect.DUCKDB, readers::with), readers);
            return new Opened(store, target -> backup(readers, target));
        } catch (SQLException e) {
            for (Connection connection : opened.reversed()) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot open the telemetry store " + absolute, e);
        }
    }

    private static void backup(FixedConnectionPool readers, Path target) {
        try {
            readers.with(connection -> {
                DuckDbBackups.copyDatabase(connection, target);
                return null;
            });
        } catch (SQLException e) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot back up the telemetry store to " + target, e);
        }
    }
}
