package org.opencentral.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.opencentral.store.jdbc.Dialect;
import org.opencentral.store.jdbc.JdbcDatabase;
import org.opencentral.store.jdbc.SqlErrors;
import org.opencentral.store.jdbc.SqlWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL connections from a HikariCP pool. Writes run in one READ COMMITTED transaction:
 * the stores' conditional updates ({@code ... WHERE etag = ?}, {@code ... AND version = ?}) are
 * re-checked by PostgreSQL after a concurrent writer commits, which is what makes
 * compare-and-set exact without SERIALIZABLE retries. Reads and writes from the thread inside a
 * write join that transaction (on its connection).
 */
final class PostgresDatabase implements JdbcDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    private static final int POOL_SIZE = 10;
    /** Grows to {@link #POOL_SIZE} under load; a quiet node keeps two connections. */
    private static final int MIN_IDLE = 2;

    private final HikariDataSource pool;
    /** The connection of the write transaction this thread is inside, if any. */
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

    private PostgresDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    static PostgresDatabase open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(MIN_IDLE);
        config.setPoolName("opencentral-state");
        config.setAutoCommit(true);
        // Keep row values (device keys, secret hashes) out of exception messages and so out of logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        HikariDataSource pool = new HikariDataSource(config);
        LOG.info("opened PostgreSQL state store {} as {}", withoutQuery(jdbcUrl), user);
        return new PostgresDatabase(pool);
    }

    /** The URL without its query string, which may carry credentials. */
    private static String withoutQuery(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        if (transaction.get() != null) {
            return nested(work);
        }
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        if (transaction.get() != null) {
            return nested(work);
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            transaction.set(connection);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection);
                throw e;
            } finally {
                transaction.remove();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** Work inside this thread's write transaction: on its connection, committed or rolled back with it. */
    private <T> T nested(SqlWork<T> work) {
        try {
            return work.run(transaction.get());
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
