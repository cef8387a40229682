package org.opencentral.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.security.Principal;

/** One authenticated REST call, as handlers see it: parameters, bounded JSON body, JSON answers. */
public final class ApiCall {
    private final Context ctx;
    private final Principal principal;
    private final RequestBodies bodies;

    ApiCall(Context ctx, Principal principal, RequestBodies bodies) {
        this.ctx = ctx;
        this.principal = principal;
        this.bodies = bodies;
    }

    public Principal principal() {
        return principal;
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
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    public void header(String name, String value) {
        ctx.header(name, value);
    }

    public void noContent() {
        ctx.status(204);
    }

    private byte[] bytes() throws IOException {
        return bodies.read(ctx.req().getContentLengthLong(), ctx.bodyInputStream());
    }
}
