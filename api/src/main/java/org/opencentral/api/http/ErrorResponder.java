package org.opencentral.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one tail exception handler of the HTTP server: every failure becomes IoT Central's error body
 * and an {@code x-ms-error-code} header. Only unexpected exceptions are logged (once, at ERROR, with
 * the request id, method and route — never headers, so never the {@code Authorization} token).
 */
public final class ErrorResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
    public static final String ERROR_CODE_HEADER = "x-ms-error-code";

    private final Clock clock;

    public ErrorResponder(Clock clock) {
        this.clock = clock;
    }

    public void handle(Exception e, Context ctx) {
        switch (e) {
            case ApiError api -> {
                if (api.retryAfterSeconds() > 0) {
                    ctx.header("Retry-After", Long.toString(api.retryAfterSeconds()));
                }
                write(ctx, api.status(), api.code(), api.getMessage());
            }
            case org.opencentral.platform.template.ModelInvalidException invalid ->
                    write(ctx, 400, invalid.code().code(), invalid.getMessage(), Optional.of(ModelProblems.toJson(invalid)));
            case DomainException domain -> {
                if (domain.code() == ErrorCode.INTERNAL) {
                    LOG.error("request {} {} {} failed", RequestIds.of(ctx), ctx.method(), routeOf(ctx), domain);
                }
                if (domain.code() == ErrorCode.THROTTLED) {
                    ctx.header("Retry-After", "30");
                }
                write(ctx, domain.code().httpStatus(), domain.code().code(), domain.getMessage());
            }
            case HttpResponseException http -> write(ctx, http.getStatus(), codeFor(http.getStatus()),
                    messageFor(http, ctx));
            default -> {
                LOG.error("request {} {} {} failed", RequestIds.of(ctx), ctx.method(), routeOf(ctx), e);
                write(ctx, 500, ErrorCode.INTERNAL.code(),
                        "an unexpected error occurred; quote request id " + RequestIds.of(ctx));
            }
        }
    }

    /**
     * The error handler for 404 and 405 answers Javalin gives by itself (no route matched, or not
     * with this method); answers that already carry our error body are left alone.
     */
    public void unmatched(Context ctx) {
        if (ctx.res().getHeader(ERROR_CODE_HEADER) != null) {
            return;
        }
        int status = ctx.statusCode();
        write(ctx, status, codeFor(status), status == 405 ? ctx.method() + " is not allowed on " + ctx.path()
                : "no resource at " + ctx.method() + " " + ctx.path());
    }

    /** Writes an error answer directly (used by routes that fail without throwing). */
    public void write(Context ctx, int status, String code, String message) {
        write(ctx, status, code, message, Optional.empty());
    }

    /** Writes an error answer with {@code error.details} (one entry per problem), if any. */
    private void write(Context ctx, int status, String code, String message,
            Optional<com.fasterxml.jackson.databind.node.ArrayNode> details) {
        ObjectNode body = new ErrorBody(code, message, RequestIds.of(ctx), clock.instant()).toJson();
        details.ifPresent(d -> ((ObjectNode) body.get("error")).set("details", d));
        ctx.status(status).header(ERROR_CODE_HEADER, code).contentType("application/json")
                .result(Json.write(body));
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST.code();
            case 401 -> ErrorCode.UNAUTHORIZED.code();
            case 403 -> ErrorCode.FORBIDDEN.code();
            case 404 -> ErrorCode.NOT_FOUND.code();
            case 405 -> "MethodNotAllowed";
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE.code();
            default -> status >= 500 ? ErrorCode.INTERNAL.code() : "HttpError" + status;
        };
    }

    private static String messageFor(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no resource at " + ctx.method() + " " + ctx.path();
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            default -> e.getMessage() == null ? "HTTP " + e.getStatus() : e.getMessage();
        };
    }

    static String routeOf(Context ctx) {
        try {
            String path = ctx.endpoint().path;
            return path.equals("*") ? "unmatched" : path;
        } catch (RuntimeException notMatched) {
            return "unmatched";
        }
    }
}
