package org.opencentral.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.security.Permission;
import org.opencentral.platform.security.Principal;

/**
 * One REST call, as handlers see it: the caller, parameters, bounded JSON body, JSON answers, where
 * the caller may act ({@link #scope}), and the audit summary of the resource before the change.
 */
public final class ApiCall {
    private final Context ctx;
    private final Authenticator.Caller caller;
    private final RequestBodies bodies;
    private final OrganizationService organizations;
    private final Optional<CallAudit> audit;
    private JsonNode answered = Json.object();
    private JsonNode before = Json.object();

    ApiCall(Context ctx, Authenticator.Caller caller, RequestBodies bodies, OrganizationService organizations,
            Optional<CallAudit> audit) {
        this.ctx = ctx;
        this.caller = caller;
        this.bodies = bodies;
        this.organizations = organizations;
        this.audit = audit;
    }

    public Principal principal() {
        return caller.principal();
    }

    /** The session secret when the caller signed in with a cookie. */
    public Optional<String> sessionSecret() {
        return caller.sessionSecret();
    }

    /** Where the caller may exercise {@code permission}. */
    public AccessScope scope(Permission permission) {
        if (principal().holdsEverywhere(permission)) {
            return new AccessScope(true, java.util.Set.of());
        }
        return AccessScope.of(principal(), permission, organizations.tree());
    }

    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    /** The {@code {deviceId}} path parameter; 400 when it breaks IoT Hub's id rules. */
    public DeviceId deviceId() {
        return DeviceId.of(ctx.pathParam("deviceId"));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(ctx.queryParam(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(ctx.header(name)).filter(v -> !v.isBlank());
    }

    /** The value of the request's cookie {@code name}, when sent and not blank. */
    public Optional<String> requestCookie(String name) {
        return Optional.ofNullable(ctx.cookie(name)).filter(v -> !v.isBlank());
    }

    /** The caller's network address (for sign-in back-off). */
    public String clientAddress() {
        return ctx.ip();
    }

    /** The request URL without its query string (used to build {@code nextLink}s). */
    public String url() {
        return ctx.url();
    }

    /** The body as JSON; {@link com.fasterxml.jackson.databind.node.MissingNode} when empty. */
    public JsonNode body() throws IOException {
        return RequestBodies.parse(bytes());
    }

    /** The body as a JSON object; 400 otherwise. */
    public ObjectNode bodyObject() throws IOException {
        return RequestBodies.parseObject(bytes());
    }

    public void json(int status, JsonNode body) {
        answered = body;
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    public void header(String name, String value) {
        ctx.header(name, value);
    }

    /** Sets a cookie header verbatim (attributes included). */
    public void cookie(String setCookie) {
        ctx.res().addHeader("Set-Cookie", setCookie);
    }

    /** Answers 200 with {@code size} bytes of {@code content}, streamed (and closed), with its content type and disposition. */
    public void file(String contentType, String disposition, long size, InputStream content) {
        ctx.status(200).contentType(contentType).header("Content-Disposition", disposition)
                .header("Content-Length", Long.toString(size)).result(content);
    }

    public void noContent() {
        ctx.status(204);
    }

    /**
     * Answers 200 with a {@code text/event-stream} that proxies must not buffer or cache, and returns
     * its body for the caller to write events to (a {@link StreamRoute}'s handler).
     */
    public OutputStream eventStream() throws IOException {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache, no-store");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        return ctx.res().getOutputStream();
    }

    /** Records what the changed resource looked like before (for the audit log). */
    public void auditBefore(JsonNode summary) {
        before = summary;
    }

    /**
     * Starts writing this call's audit entry now, with {@code after} as the change, instead of after
     * the handler: for a handler that goes on to wait for something slow once the request is valid (a
     * command, for the device's answer). The entry is written whatever the call answers afterwards, and
     * the answer leaves only once it is stored. Nothing for a call that is not audited (reads).
     */
    public void auditAhead(JsonNode after) {
        audit.ifPresent(a -> a.ahead(before, after));
    }

    JsonNode auditBefore() {
        return before;
    }

    JsonNode answered() {
        return answered;
    }

    private byte[] bytes() throws IOException {
        return bodies.read(ctx.req().getContentLengthLong(), ctx.bodyInputStream());
    }
}
