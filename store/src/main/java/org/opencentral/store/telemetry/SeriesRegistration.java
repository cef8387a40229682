package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.opencentral.core.telemetry.SeriesKey;

/**
 * How an engine adds series the {@link SeriesDictionary} does not know to the {@code series} table, inside
 * the writer's transaction: {@link AppendedSeries} where the store has one writer (DuckDB), {@link
 * UpsertedSeries} where several nodes may write (PostgreSQL).
 */
sealed interface SeriesRegistration permits AppendedSeries, UpsertedSeries {
    /**
     * The id of each of {@code unknown} (distinct keys not in the committed table as this writer knows it),
     * registered on {@code connection} in its open transaction. {@code nextId} is one more than the largest
     * committed id this dictionary knows.
     */
    Map<SeriesKey, Integer> register(Connection connection, List<SeriesKey> unknown, int nextId) throws SQLException;
}
