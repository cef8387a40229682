package org.opencentral.api.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.Principal;
import org.opencentral.platform.security.RoleCatalog;
import org.opencentral.platform.security.SessionService;

/**
 * Turns a request's credentials into a {@link Caller}: the {@code Authorization} header (API token)
 * when present, else the session cookie. Cookie-authenticated changes must carry the session's CSRF
 * token in {@value #CSRF_HEADER} (double submit), else 403. 401 for anything else: code
 * {@value #TOKEN_EXPIRED} for an API token past its expiry, {@code Unauthorized} otherwise.
 */
public final class Authenticator {
    public static final String SESSION_COOKIE = "oc_session";
    public static final String CSRF_COOKIE = "oc_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The error code of a 401 for an API token whose expiry has passed. */
    public static final String TOKEN_EXPIRED = "TokenExpired";

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
        Optional<String> secret = Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).filter(v -> !v.isBlank());
        Caller caller = identify(Optional.ofNullable(ctx.header("Authorization")), secret)
                .orElseThrow(() -> unauthorized(secret.isPresent() ? "the session has expired or ended; sign in again"
                        : "the Authorization header is missing; send an API token "
                                + "(SharedAccessSignature sr=…&sig=…&skn=…&se=…) or sign in"));
        if (changes && caller.sessionSecret().isPresent()) {
            String presented = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElse("");
            if (!SessionService.csrfMatches(caller.sessionSecret().get(), presented)) {
                throw new ApiError(403, "CsrfTokenMismatch", "cookie-authenticated changes need the "
                        + CSRF_HEADER + " header with the session's CSRF token");
            }
        }
        return caller;
    }

    /**
     * The caller of the credentials presented, checked without CSRF (for reads): an API token when
     * {@code authorization} is present (401 when it is invalid, expired or revoked), else the session
     * of {@code sessionSecret}; empty without credentials or when the session has ended.
     */
    public Optional<Caller> identify(Optional<String> authorization, Optional<String> sessionSecret) {
        Optional<String> token = authorization.filter(v -> !v.isBlank());
        if (token.isPresent()) {
            Principal principal = switch (tokens.authenticate(token.get().trim())) {
                case ApiTokenService.Accepted accepted -> accepted.caller();
                case ApiTokenService.Expired expired -> throw new ApiError(401, TOKEN_EXPIRED, "the API token '"
                        + expired.tokenId() + "' expired at " + expired.expiry() + "; create a new one");
                case ApiTokenService.Refused refused -> throw unauthorized("the API token is invalid or revoked");
            };
            return Optional.of(new Caller(principal, Optional.empty()));
        }
        Optional<String> secret = sessionSecret.filter(v -> !v.isBlank());
        return secret.flatMap(sessions::authenticate).map(user -> new Caller(
                roles.principal(user.id(), Principal.Kind.USER, user.roles()), secret));
    }

    private static DomainException unauthorized(String message) {
        return new DomainException(ErrorCode.UNAUTHORIZED, message);
    }
}
