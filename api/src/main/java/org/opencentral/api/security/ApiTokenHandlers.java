package org.opencentral.api.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.security.ApiToken;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.platform.organization.AssignmentPolicy;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.Permission;

/** API tokens: PUT creates (the value is in that answer only), GET and list never show it, DELETE revokes. */
public final class ApiTokenHandlers {
    private final ApiTokenService tokens;
    private final AssignmentPolicy policy;

    public ApiTokenHandlers(ApiTokenService tokens, AssignmentPolicy policy) {
        this.tokens = tokens;
        this.policy = policy;
    }

    public void list(ApiCall call) {
        call.json(200, SecurityJson.collection(tokens.list().stream()
                .filter(t -> AssignmentScope.visible(call, Permission.API_TOKENS_VIEW, t.roles()))
                .map(ApiTokenHandlers::toJson).toList()));
    }

    public void get(ApiCall call) {
        call.json(200, toJson(visible(call, Permission.API_TOKENS_VIEW)));
    }

    public void put(ApiCall call) throws Exception {
        String id = call.pathParam("tokenId");
        ObjectNode body = call.bodyObject();
        List<RoleAssignment> roles = SecurityJson.roles(body);
        policy.check(call.principal(), roles);
        Optional<Instant> expiry = SecurityJson.text(body, "expiry").map(ApiTokenHandlers::instant);
        ApiTokenService.IssuedToken issued = tokens.create(id, roles, expiry);
        ObjectNode json = toJson(issued.token());
        json.put("token", issued.value());
        call.json(200, json);
    }

    public void delete(ApiCall call) {
        ApiToken token = visible(call, Permission.API_TOKENS_DELETE);
        call.auditBefore(toJson(token));
        tokens.delete(token.id());
        call.noContent();
    }

    private ApiToken visible(ApiCall call, Permission permission) {
        String id = call.pathParam("tokenId");
        return tokens.list().stream().filter(t -> t.id().equals(id))
                .filter(t -> AssignmentScope.visible(call, permission, t.roles())).findFirst()
                .orElseThrow(() -> DomainException.notFound("API token '" + id + "'"));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'expiry' must be an ISO 8601 date-time such as 2030-01-01T00:00:00Z");
        }
    }

    static ObjectNode toJson(ApiToken token) {
        ObjectNode json = Json.object();
        json.put("id", token.id());
        json.set("roles", SecurityJson.roles(token.roles()));
        json.put("expiry", token.expiry().toString());
        return json;
    }
}
