package org.opencentral.store.eventlog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;

/**
 * The event log on PostgreSQL: table {@code event_log} partitioned by day of the event time,
 * appended in batches by the group-commit writer (one multi-row {@code INSERT ... SELECT unnest(...)}
 * per batch, futures completed after the commit). Sequence numbers come from the single writer, so
 * one process owns the log at a time: opening takes a session-level advisory lock and fails if
 * another process holds it (it is released when that process dies, even by {@code kill -9}).
 */
public final class PostgresEventLog extends GroupCommitLog {
    private static final int POOL_SIZE = 4;

    private PostgresEventLog(PostgresLogStorage storage, long last, TailLimits tail, CommitCadence cadence) {
        super(storage, last, tail, cadence);
    }

    /** Connects to {@code jdbcUrl}, creates the tables if needed and continues the sequence. */
    public static PostgresEventLog open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, TailLimits.DEFAULTS);
    }

    /** Like {@link #open(String, String, String)}, keeping the newest events in memory as {@code tail} says. */
    public static PostgresEventLog open(String jdbcUrl, String user, String password, TailLimits tail) {
        return open(jdbcUrl, user, password, tail, CommitCadence.DEFAULTS);
    }

    /** Like {@link #open(String, String, String, TailLimits)}, committing at the pace {@code cadence} sets. */
    public static PostgresEventLog open(String jdbcUrl, String user, String password, TailLimits tail,
            CommitCadence cadence) {
        Connection lock = null;
        HikariDataSource pool = null;
        try {
            lock = DriverManager.getConnection(jdbcUrl, user, password);
            PostgresLogTable.lockExclusively(lock);
            pool = pool(jdbcUrl, user, password);
            try (Connection connection = pool.getConnection()) {
                PostgresLogTable.create(connection);
            }
            PostgresLogStorage storage = new PostgresLogStorage(withoutQuery(jdbcUrl), pool, lock);
            return new PostgresEventLog(storage, storage.maxSequence(), tail, cadence);
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            PostgresLogStorage.closeQuietly(lock);
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot open the event log " + withoutQuery(jdbcUrl), e);
        }
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setPoolName("opencentral-event-log");
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    private static String withoutQuery(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
