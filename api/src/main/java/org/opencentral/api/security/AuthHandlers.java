package org.opencentral.api.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.Authenticator;
import org.opencentral.core.Json;
import org.opencentral.platform.security.Principal;
import org.opencentral.platform.security.SessionService;

/**
 * Browser sign-in (OpenCentral extension). Login sets the session cookie (HttpOnly, Secure,
 * SameSite=Strict) and a readable CSRF cookie; the CSRF token is also in the answer and in
 * {@code /api/auth/me}. Unsafe cookie-authenticated calls must echo it in {@code X-CSRF-Token}.
 * {@code /api/auth/me} is how a browser checks for a session: it answers 200 for everybody, with
 * {@code signedIn} false when no credentials (or only an ended session) come with the call.
 */
public final class AuthHandlers {
    private final SessionService sessions;
    private final Authenticator authenticator;

    public AuthHandlers(SessionService sessions, Authenticator authenticator) {
        this.sessions = sessions;
        this.authenticator = authenticator;
    }

    public void login(ApiCall call) throws Exception {
        ObjectNode body = call.bodyObject();
        SessionService.IssuedSession session = sessions.login(SecurityJson.requiredText(body, "email"),
                SecurityJson.requiredText(body, "password"), call.clientAddress());
        long maxAge = SessionService.LIFETIME.toSeconds();
        call.cookie(Authenticator.SESSION_COOKIE + "=" + session.secret() + "; Path=/api; Max-Age=" + maxAge
                + "; HttpOnly; Secure; SameSite=Strict");
        call.cookie(Authenticator.CSRF_COOKIE + "=" + session.csrfToken() + "; Path=/; Max-Age=" + maxAge
                + "; Secure; SameSite=Strict");
        ObjectNode json = Json.object();
        json.set("user", UserHandlers.toJson(session.user()));
        json.put("csrfToken", session.csrfToken());
        json.put("expiresAt", session.expiresAt().toString());
        call.json(200, json);
    }

    public void logout(ApiCall call) {
        call.sessionSecret().ifPresent(sessions::logout);
        clearCookies(call);
        call.noContent();
    }

    /**
     * Who calls: {@code {"signedIn": false}} without credentials or with a session that has ended
     * (whose cookies are cleared), else {@code signedIn: true} with the caller's id, type, roles,
     * permissions and, for a session, its CSRF token. An invalid API token is still a 401.
     */
    public void me(ApiCall call) {
        Optional<String> cookie = call.requestCookie(Authenticator.SESSION_COOKIE);
        Optional<Authenticator.Caller> caller = authenticator.identify(call.header("Authorization"), cookie);
        ObjectNode json = Json.object();
        json.put("signedIn", caller.isPresent());
        if (caller.isEmpty()) {
            cookie.ifPresent(ended -> clearCookies(call));
            call.json(200, json);
            return;
        }
        Principal principal = caller.get().principal();
        json.put("id", principal.id());
        json.put("type", principal.kind() == Principal.Kind.USER ? "user" : "apiToken");
        json.set("roles", SecurityJson.roles(principal.roles()));
        var permissions = json.putArray("permissions");
        principal.permissions().stream().sorted().forEach(p -> permissions.add(p.wireName()));
        caller.get().sessionSecret().ifPresent(secret -> json.put("csrfToken", SessionService.csrfToken(secret)));
        call.json(200, json);
    }

    private static void clearCookies(ApiCall call) {
        call.cookie(Authenticator.SESSION_COOKIE + "=; Path=/api; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
        call.cookie(Authenticator.CSRF_COOKIE + "=; Path=/; Max-Age=0; Secure; SameSite=Strict");
    }
}
