package org.opencentral.api;

import java.util.Objects;
import org.opencentral.platform.query.service.QuerySettings;

/**
 * The REST server's settings: bind address and port (0 picks a free port), the request body limit,
 * the ID scope devices provision with (shown by the credentials route), and how long a graceful
 * stop waits for requests in flight, the per-caller rate limit, and the query API's limits.
 */
public record ApiConfig(String host, int port, long maxBodyBytes, String idScope, long stopTimeoutMillis,
        RateLimit rateLimit, QuerySettings query) {
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final long DEFAULT_STOP_TIMEOUT_MILLIS = 5_000;

    public ApiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idScope, "idScope");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(query, "query");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (maxBodyBytes < 1 || stopTimeoutMillis < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, stopTimeoutMillis not negative");
        }
    }

    /** Defaults: 1 MB bodies, 5 s graceful stop, {@link RateLimit#DEFAULT}, {@link QuerySettings#DEFAULTS}. */
    public static ApiConfig of(String host, int port, String idScope) {
        return new ApiConfig(host, port, DEFAULT_MAX_BODY_BYTES, idScope, DEFAULT_STOP_TIMEOUT_MILLIS,
                RateLimit.DEFAULT, QuerySettings.DEFAULTS);
    }

    public ApiConfig withRateLimit(RateLimit limit) {
        return new ApiConfig(host, port, maxBodyBytes, idScope, stopTimeoutMillis, limit, query);
    }

    public ApiConfig withQuery(QuerySettings settings) {
        return new ApiConfig(host, port, maxBodyBytes, idScope, stopTimeoutMillis, rateLimit, settings);
    }
}
