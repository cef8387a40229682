package org.opencentral.store.jdbc;

/**
 * How an engine lends connections. {@link #write} runs its work in one transaction that is
 * committed when the work returns and rolled back when it throws; {@link #read} runs work that
 * only reads. SQL failures surface as {@link org.opencentral.core.DomainException}s (see
 * {@link SqlErrors}).
 */
public interface JdbcDatabase extends AutoCloseable {
    Dialect dialect();

    <T> T read(SqlWork<T> work);

    <T> T write(SqlWork<T> work);

    @Override
    void close();
}
