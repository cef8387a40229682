package org.opencentral.api.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.Authenticator;
import org.opencentral.core.Json;
import org.opencentral.platform.security.Principal;
import org.opencentral.platform.security.SessionService;

/**
 * Browser sign-in (OpenCentral extension). Login sets the session cookie (HttpOnly, Secure,
 * SameSite=Strict) and a readable CSRF cookie; the CSRF token is also in the answer and in
 * {@code /api/auth/me}. Unsafe cookie-authenticated calls must echo it in {@code X-CSRF-Token}.
 */
public final class AuthHandlers {
    private final SessionService sessions;

    public AuthHandlers(SessionService sessions) {
        this.sessions = sessions;
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
        call.cookie(Authenticator.SESSION_COOKIE + "=; Path=/api; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
        call.cookie(Authenticator.CSRF_COOKIE + "=; Path=/; Max-Age=0; Secure; SameSite=Strict");
        call.noContent();
    }

    public void me(ApiCall call) {
        Principal principal = call.principal();
        ObjectNode json = Json.object();
        json.put("id", principal.id());
        json.put("type", principal.kind() == Principal.Kind.USER ? "user" : "apiToken");
        json.set("roles", SecurityJson.roles(principal.roles()));
        var permissions = json.putArray("permissions");
        principal.permissions().stream().sorted().forEach(p -> permissions.add(p.wireName()));
        call.sessionSecret().ifPresent(secret -> json.put("csrfToken", SessionService.csrfToken(secret)));
        call.json(200, json);
    }
}
