package org.opencentral.api.http;

import org.opencentral.core.ErrorCode;

/**
 * An error decided by the REST edge itself (bad api-version, malformed JSON, unsupported query
 * option…), answered with IoT Central's error body. Domain outcomes stay
 * {@link org.opencentral.core.DomainException}s.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public ApiError(int status, String code, String message) {
        this(status, code, message, 0);
    }

    private ApiError(int status, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same error with a {@code Retry-After} header (seconds). */
    public ApiError withRetryAfter(long seconds) {
        return new ApiError(status, code, getMessage(), seconds);
    }

    /** Seconds for {@code Retry-After}; 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, ErrorCode.BAD_REQUEST.code(), message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
