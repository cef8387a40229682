package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencentral.core.telemetry.SeriesKey;

/**
 * DuckDB's registration: the store has one writer and its dictionary holds every committed series, so
 * the writer assigns the ids itself (from one more than the largest committed id) and appends the rows
 * through an Appender: no {@code ON CONFLICT} probe of the unique index, no statement of 1,500
 * parameters prepared per 500 keys, no read-back of the ids (which made 80,000 new series cost 15 CPU-s,
 * BENCHMARKS.md "A new fleet's series"). The ids reach the dictionary only when the transaction commits;
 * a rolled-back one leaves the next id where it was. The table's unique key still refuses a duplicate,
 * failing the batch rather than storing a series twice.
 */
record AppendedSeries() implements SeriesRegistration {
    @Override
    public Map<SeriesKey, Integer> register(Connection connection, List<SeriesKey> unknown, int nextId)
            throws SQLException {
        if ((long) nextId + unknown.size() - 1 > Integer.MAX_VALUE) {
            throw new IllegalStateException("series ids exhausted: " + unknown.size() + " new from " + nextId);
        }
        Map<SeriesKey, Integer> registered = HashMap.newHashMap(unknown.size());
        DuckDBConnection duckdb = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = duckdb.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "series")) {
            int id = nextId;
            for (SeriesKey key : unknown) {
                appender.beginRow().append(id).append(key.device().value()).append(key.component())
                        .append(key.capability()).endRow();
                registered.put(key, id);
                id++;
            }
            appender.flush();
        }
        return registered;
    }
}
