package org.opencentral.store.telemetry;

import java.sql.SQLException;
import org.opencentral.store.internal.FixedConnectionPool.Work;

/** Lends a connection for reading (a DuckDB reader pool, a PostgreSQL HikariCP pool). */
@FunctionalInterface
interface Reads {
    <T> T with(Work<T> work) throws SQLException;
}
