package org.opencentral.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.opencentral.core.logging.RepeatedFailures;
import org.opencentral.store.internal.FixedConnectionPool;
import org.opencentral.store.jdbc.Dialect;
import org.opencentral.store.jdbc.JdbcDatabase;
import org.opencentral.store.jdbc.SqlErrors;
import org.opencentral.store.jdbc.SqlWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.sqlite.SQLiteConfig;

/**
 * SQLite connections for many concurrent (virtual) threads.
 *
 * <p>Why one writer connection behind a lock and a small pool of readers, not HikariCP: SQLite
 * admits one writer at a time anyway. With several pooled writer connections, writers would
 * contend inside SQLite, where a deferred transaction that reads and then writes can fail with
 * SQLITE_BUSY at once (busy_timeout does not help a lock upgrade) and waiting means polling. A
 * {@link ReentrantLock} queues writers fairly in the JVM instead (virtual threads park on it),
 * and the write transaction starts IMMEDIATE, so another process holding the file only makes us
 * wait up to busy_timeout. In WAL mode readers never block the writer nor each other, so a few
 * reader connections serve reads in parallel, each statement seeing the last committed state.
 * Reads and writes from the thread inside a write join that transaction (on the writer).
 */
final class SqliteDatabase implements JdbcDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** SQLite rolls a transaction back itself on SQLITE_FULL, so while the disk is full every rollback fails. */
    private final RepeatedFailures rollbackFailures = RepeatedFailures.of(LOG);
    private final Connection writer;
    private final FixedConnectionPool readers;

    private SqliteDatabase(Path file, Connection writer, FixedConnectionPool readers) {
        this.file = file;
        this.writer = writer;
        this.readers = readers;
    }

    static SqliteDatabase open(Path file) {
        Path absolute = file.toAbsolutePath();
        List<Connection> opened = new ArrayList<>();
        try {
            Files.createDirectories(absolute.getParent());
            Connection writer = connect(absolute, false);
            opened.add(writer);
            writer.setAutoCommit(false);
            List<Connection> readerConnections = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Connection reader = connect(absolute, true);
                opened.add(reader);
                readerConnections.add(reader);
            }
            LOG.info("opened SQLite state store {}", absolute);
            return new SqliteDatabase(absolute, writer, new FixedConnectionPool(readerConnections));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + absolute, e);
        } catch (SQLException e) {
            opened.forEach(SqliteDatabase::closeQuietly);
            throw SqlErrors.translate(e);
        }
    }

    private static Connection connect(Path file, boolean reader) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        if (reader) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA query_only = true");
            }
        }
        return connection;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return nested(work);
        }
        try {
            return readers.with(work::run);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return nested(work);
        }
        writeLock.lock();
        try {
            T result = work.run(writer);
            writer.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw SqlErrors.translate(e);
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

    /** Work inside this thread's write transaction: on the writer, committed or rolled back with it. */
    private <T> T nested(SqlWork<T> work) {
        try {
            return work.run(writer);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            rollbackFailures.log(Level.WARN, e, "rollback failed on {}", file);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            readers.close();
            closeQuietly(writer);
            LOG.info("closed SQLite state store {}", file);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a SQLite connection failed: {}", e.getMessage());
        }
    }
}
