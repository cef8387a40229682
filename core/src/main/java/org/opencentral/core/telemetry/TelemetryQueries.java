package org.opencentral.core.telemetry;

import java.time.Duration;
import java.util.List;

/** Runs the query language's telemetry queries, planned as {@link TelemetryQuery}, on a telemetry store. */
public interface TelemetryQueries {

    /**
     * The rows of {@code query} (at most its limit; the layout is documented on {@link TelemetryQuery})
     * as {@link Long}, {@link Double}, {@link Boolean}, {@link String} or {@code null}. A query still
     * running after {@code timeout} is cancelled: GATEWAY_TIMEOUT.
     */
    List<List<Object>> run(TelemetryQuery query, Duration timeout);
}
