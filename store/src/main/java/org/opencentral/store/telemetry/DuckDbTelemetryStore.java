package org.opencentral.store.telemetry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
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
 */
public final class DuckDbTelemetryStore {
    private static final int READERS = 3;

    private DuckDbTelemetryStore() {
    }

    /** Opens (creating it and its directory if needed) the store in {@code file}. */
    public static TelemetryStore open(Path file) {
        Path absolute = file.toAbsolutePath();
        List<Connection> opened = new ArrayList<>();
        try {
            DuckDBConnection writer = DuckDbFiles.connect(absolute);
            opened.add(writer);
            DuckDbTelemetrySchema.create(writer);
            SeriesDictionary dictionary = new SeriesDictionary();
            dictionary.load(writer);
            for (int i = 0; i < READERS; i++) {
                opened.add(writer.duplicate());
            }
            FixedConnectionPool readers = new FixedConnectionPool(opened.subList(1, opened.size()));
            return new JdbcTelemetryStore(new DuckDbTelemetryWriter(writer, dictionary),
                    new TelemetryReader(TelemetryDialect.DUCKDB, readers::with), readers);
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
}
