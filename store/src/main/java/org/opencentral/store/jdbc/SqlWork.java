package org.opencentral.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run by a {@link JdbcDatabase} on a connection it lends. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
