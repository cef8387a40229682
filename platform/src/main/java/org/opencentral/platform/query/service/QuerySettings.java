package org.opencentral.platform.query.service;

import java.time.Duration;
import java.util.Objects;
import org.opencentral.platform.query.QueryLimits;

/**
 * The query API's limits: the language's ({@link QueryLimits}: length, items, operators, row caps)
 * and how long one telemetry statement may run before it is cancelled. The request rate is the
 * REST API's per-caller rate limit (IoT Central allows 1 query/s per application).
 */
public record QuerySettings(QueryLimits limits, Duration timeout) {
    public static final QuerySettings DEFAULTS = new QuerySettings(QueryLimits.DEFAULTS, Duration.ofSeconds(30));

    public QuerySettings {
        Objects.requireNonNull(limits);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the query timeout must be positive");
        }
    }
}
