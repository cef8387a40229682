package org.opencentral.store.jdbc;

/**
 * How an engine lends connections. {@link #write} runs its work in one transaction that is
 * committed when the work returns and rolled back when it throws; {@link #read} runs work that
 * only reads. Both are reentrant: called from the thread inside a {@code write}, they run on that
 * transaction's connection and commit or roll back with it (how
 * {@link org.opencentral.core.store.OutboxStore#write} puts any stores' changes and their events in one
 * transaction). SQL failures surface as {@link org.opencentral.core.DomainException}s (see
 * {@link SqlErrors}).
 */
public interface JdbcDatabase extends AutoCloseable {
    Dialect dialect();

    <T> T read(SqlWork<T> work);

    <T> T write(SqlWork<T> work);

    @Override
    void close();
}
