package org.opencentral.api.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.security.Principal;

/**
 * Installs the route table in Javalin, each kind of row its way. REST and stream rows are wrapped
 * so that, in this order, the caller is authenticated (401; CSRF 403 for cookie changes),
 * rate-limited (429 with {@code Retry-After}), {@code api-version} is checked (400), the row's
 * permission is required (403) over its declared scope (a device outside the caller's
 * organizations: 404), the handler runs, and a successful change is written to the audit log (or,
 * when the handler started its entry ahead with {@link ApiCall#auditAhead}, that entry is awaited,
 * also when the handler failed).
 * Operations rows answer as they are, static rows serve class-path files, and fallback rows answer
 * what nothing else matched before the 404.
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

    /** Installs every row of {@code table}; {@code unmatched} answers what no row (fallbacks included) does. */
    public void install(JavalinConfig config, List<Route> table, Handler unmatched) {
        List<FallbackRoute> fallbacks = new ArrayList<>();
        for (Route row : table) {
            switch (row) {
                case ApiRoute r -> config.routes.addHttpHandler(r.method(), r.path(), wrap(r, r.handler(), r.changes()));
                case StreamRoute r -> config.routes.addHttpHandler(r.method(), r.path(), wrap(r, r.handler(), false));
                case OpsRoute r -> config.routes.addHttpHandler(r.method(), r.path(), r.handler());
                case StaticRoute r -> config.staticFiles.add(files -> {
                    files.hostedPath = r.path();
                    files.directory = r.directory();
                    files.location = Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", r.cacheControl());
                });
                case FallbackRoute r -> fallbacks.add(r);
            }
        }
        config.routes.error(404, ctx -> {
            for (FallbackRoute fallback : fallbacks) {
                if (fallback.page().answer(ctx)) {
                    return;
                }
            }
            unmatched.handle(ctx);
        });
    }

    private Handler wrap(Route route, ApiHandler handler, boolean changes) {
        return ctx -> {
            Authenticator.Caller caller = route.access() instanceof Access.Anonymous
                    ? new Authenticator.Caller(ANONYMOUS, Optional.empty())
                    : authenticator.authenticate(ctx, changes);
            String key = caller.principal() == ANONYMOUS ? "address:" + ctx.ip() : caller.principal().actor();
            limiter.acquire(key).ifPresent(seconds -> {
                throw new ApiError(429, "TooManyRequests", "rate limit exceeded; retry after " + seconds + " s")
                        .withRetryAfter(seconds);
            });
            ApiVersions.require(Optional.ofNullable(ctx.queryParam("api-version")));
            Optional<CallAudit> audit = changes && !(route.access() instanceof Access.Anonymous)
                    ? Optional.of(new CallAudit(auditing.audit(), caller.principal().actor(),
                            route.method() + " " + route.path(), ctx.path()))
                    : Optional.empty();
            ApiCall call = new ApiCall(ctx, caller, bodies, auditing.organizations(), audit);
            authorize(route.access(), call);
            run(handler, call, audit);
            audit.ifPresent(a -> a.afterHandler(ctx.statusCode(), call.auditBefore(), call.answered()));
        };
    }

    /** Runs the handler; when it fails, still waits for an audit entry it started ahead (the answer follows both). */
    private static void run(ApiHandler handler, ApiCall call, Optional<CallAudit> audit) throws Exception {
        try {
            handler.handle(call);
        } catch (Exception | Error e) {
            try {
                audit.ifPresent(CallAudit::awaitAhead);
            } catch (RuntimeException auditFailure) {
                e.addSuppressed(auditFailure);
            }
            throw e;
        }
    }

    private void authorize(Access access, ApiCall call) {
        switch (access) {
            case Access.Anonymous a -> {
            }
            case Access.Authenticated a -> {
            }
            case Access.RequiresAny(var permissions) -> {
                if (permissions.stream().noneMatch(call.principal().permissions()::contains)) {
                    call.principal().require(permissions.get(0));
                }
            }
            case Access.Requires(var permission, var scope) -> {
                call.principal().require(permission);
                switch (scope) {
                    case CALLER -> {
                    }
                    case PATH_DEVICE -> guard.check(call, permission);
                }
            }
        }
    }
}
