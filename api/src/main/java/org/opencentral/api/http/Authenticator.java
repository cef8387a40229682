package org.opencentral.api.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.security.User;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.Principal;
import org.opencentral.platform.security.RoleCatalog;
import org.opencentral.platform.security.SessionService;

/**
 * Turns a request's credentials into a {@link Caller}: the {@code Authorization} header (API token)
 * when present, else the session cookie. Cookie-authenticated changes must carry the session's CSRF
 * token in {@value #CSRF_HEADER} (double submit), else 403. 401 for anything else.
 */
public final class Authenticator {
    public static final String SESSION_COOKIE = "oc_session";
    public static final String CSRF_COOKIE = "oc_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final ApiTokenService tokens;
    private final SessionService sessions;
    private final RoleCatalog roles;

    public Authenticator(ApiTokenService tokens, SessionService sessions, RoleCatalog roles) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.roles = roles;
    }

    /** Who calls, and through which session if by cookie. */
    public record Caller(Principal principal, Optional<String> sessionSecret) {
    }

    public Caller authenticate(Context ctx, boolean changes) {
        Optional<String> authorization = Optional.ofNullable(ctx.header("Authorization")).filter(v -> !v.isBlank());
        if (authorization.isPresent()) {
            Principal principal = tokens.authenticate(authorization.get().trim())
                    .orElseThrow(() -> unauthorized("the API token is invalid, expired or revoked"));
            return new Caller(principal, Optional.empty());
        }
        Optional<String> secret = Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).filter(v -> !v.isBlank());
        if (secret.isEmpty()) {
            throw unauthorized("the Authorization header is missing; send an API token "
                    + "(SharedAccessSignature sr=…&sig=…&skn=…&se=…) or sign in");
        }
        User user = sessions.authenticate(secret.get())
                .orElseThrow(() -> unauthorized("the session has expired or ended; sign in again"));
        if (changes) {
            String presented = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElse("");
            if (!SessionService.csrfMatches(secret.get(), presented)) {
                throw new ApiError(403, "CsrfTokenMismatch", "cookie-authenticated changes need the "
                        + CSRF_HEADER + " header with the session's CSRF token");
            }
        }
        return new Caller(roles.principal(user.id(), Principal.Kind.USER, user.roles()), secret);
    }

    private static DomainException unauthorized(String message) {
        return new DomainException(ErrorCode.UNAUTHORIZED, message);
    }
}
