package org.opencentral.store.eventlog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.opencentral.store.internal.DuckDbFiles;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.store.internal.FixedConnectionPool;

/**
 * The embedded event log: one DuckDB file, appended by the group-commit writer thread and read
 * through a few duplicated connections.
 */
public final class DuckDbEventLog extends GroupCommitLog {
    private static final int READERS = 3;

    private DuckDbEventLog(DuckDbLogStorage storage, long last) {
        super(storage, last);
    }

    /** Opens (creating it and its parent directories if needed) the log file; sequences continue. */
    public static DuckDbEventLog open(Path file) {
        Path absolute = file.toAbsolutePath();
        List<Connection> opened = new ArrayList<>();
        try {
            DuckDBConnection connection = DuckDbFiles.connect(absolute);
            opened.add(connection);
            EventTable.create(connection);
            List<Connection> readerConnections = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readerConnections.add(connection.duplicate());
            }
            opened.addAll(readerConnections);
            DuckDbLogStorage storage = new DuckDbLogStorage(absolute.toString(), connection,
                    new FixedConnectionPool(readerConnections));
            return new DuckDbEventLog(storage, storage.maxSequence());
        } catch (SQLException e) {
            opened.reversed().forEach(DuckDbLogStorage::closeQuietly);
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot open the event log " + absolute, e);
        }
    }
}
