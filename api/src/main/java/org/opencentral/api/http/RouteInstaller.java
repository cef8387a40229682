package org.opencentral.api.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.security.Principal;

/**
 * Registers the REST route table with Javalin. Each handler is wrapped so that, in this order, the
 * caller is authenticated (401; CSRF 403 for cookie changes), rate-limited (429 with
 * {@code Retry-After}), {@code api-version} is checked (400), the route's permission is required
 * (403), a device outside the caller's organizations is hidden (404), the handler runs, and a
 * successful change is written to the audit log.
 */
public final class RouteInstaller {
    private static final Principal ANONYMOUS = new Principal("anonymous", Principal.Kind.USER, List.of(), List.of());

    private final Authenticator authenticator;
    private final RequestBodies bodies;
    private final RateLimiter limiter;
    private final DeviceGuard guard;
    private final Auditing auditing;

    /** What the installer needs to scope and audit calls. */
    public record Auditing(AuditLog audit, OrganizationService organizations) {
    }

    public RouteInstaller(Authenticator authenticator, RequestBodies bodies, RateLimiter limiter, DeviceGuard guard,
            Auditing auditing) {
        this.authenticator = authenticator;
        this.bodies = bodies;
        this.limiter = limiter;
        this.guard = guard;
        this.auditing = auditing;
    }

    public void install(RoutesConfig routes, List<ApiRoute> table) {
        for (ApiRoute route : table) {
            routes.addHttpHandler(route.method(), route.path(), wrap(route));
        }
    }

    private Handler wrap(ApiRoute route) {
        return ctx -> {
            Authenticator.Caller caller = route.access() instanceof Access.Anonymous
                    ? new Authenticator.Caller(ANONYMOUS, Optional.empty())
                    : authenticator.authenticate(ctx, route.changes());
            String key = caller.principal() == ANONYMOUS ? "address:" + ctx.ip() : caller.principal().actor();
            limiter.acquire(key).ifPresent(seconds -> {
                throw new ApiError(429, "TooManyRequests", "rate limit exceeded; retry after " + seconds + " s")
                        .withRetryAfter(seconds);
            });
            ApiVersions.require(Optional.ofNullable(ctx.queryParam("api-version")));
            ApiCall call = new ApiCall(ctx, caller, bodies, auditing.organizations());
            if (route.access() instanceof Access.Requires(var permission)) {
                caller.principal().require(permission);
                if (route.path().contains("{deviceId}")) {
                    guard.check(call, permission);
                }
            }
            route.handler().handle(call);
            if (route.changes() && ctx.statusCode() < 400 && !(route.access() instanceof Access.Anonymous)) {
                auditing.audit().record(caller.principal().actor(), route.method() + " " + route.path(),
                        ctx.path(), call.auditBefore(), call.answered());
            }
        };
    }

    static Optional<String> header(Context ctx, String name) {
        return Optional.ofNullable(ctx.header(name)).filter(v -> !v.isBlank());
    }
}
