package org.opencentral.store.telemetry;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.opencentral.core.telemetry.TelemetryPoint;

/** One engine's write side: batches with their rollups in one transaction, and retention. */
interface TelemetryWriter extends AutoCloseable {
    void append(List<TelemetryPoint> points) throws SQLException;

    /** Makes the rollup tables include every appended batch (engines that defer the merge). */
    void mergeRollups() throws SQLException;

    /** Removes raw values and rollup buckets timed before {@code firstKept} (UTC); returns days removed. */
    int deleteBefore(LocalDate firstKept) throws SQLException;

    @Override
    void close();
}
