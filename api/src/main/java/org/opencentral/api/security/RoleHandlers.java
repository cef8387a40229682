package org.opencentral.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.security.RoleKind;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.Permission;
import org.opencentral.platform.security.Role;
import org.opencentral.platform.security.RoleCatalog;
import org.opencentral.platform.security.UserService;

/**
 * Roles: IoT Central's {@code {id, displayName}}, plus OpenCentral's {@code kind}
 * ({@code application|organization}), {@code permissions} (wire names, implied ones included) and
 * {@code builtIn}. PUT and DELETE of custom roles are OpenCentral extensions; deleting a role that
 * users or tokens hold is refused (409).
 */
public final class RoleHandlers {
    private final RoleCatalog roles;
    private final UserService users;
    private final ApiTokenService tokens;

    public RoleHandlers(RoleCatalog roles, UserService users, ApiTokenService tokens) {
        this.roles = roles;
        this.users = users;
        this.tokens = tokens;
    }

    public void list(ApiCall call) {
        call.json(200, SecurityJson.collection(roles.list().stream().map(RoleHandlers::toJson).toList()));
    }

    public void get(ApiCall call) {
        call.json(200, toJson(roles.get(call.pathParam("roleId"))));
    }

    public void put(ApiCall call) throws Exception {
        String id = call.pathParam("roleId");
        ObjectNode body = call.bodyObject();
        roles.find(id).ifPresent(r -> call.auditBefore(toJson(r)));
        String kind = SecurityJson.text(body, "kind").orElse("application");
        RoleKind roleKind = switch (kind) {
            case "application" -> RoleKind.APPLICATION;
            case "organization" -> RoleKind.ORGANIZATION;
            default -> throw ApiError.badRequest("'kind' must be 'application' or 'organization'");
        };
        Set<Permission> permissions = permissions(body.get("permissions"));
        Set<Permission> missing = EnumSet.noneOf(Permission.class);
        missing.addAll(permissions);
        missing.removeAll(call.principal().permissions());
        if (!missing.isEmpty()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "the caller cannot define a role with "
                    + missing.iterator().next().wireName() + ", which it does not hold");
        }
        boolean created = roles.put(id, SecurityJson.requiredText(body, "displayName"), roleKind, permissions);
        call.json(created ? 201 : 200, toJson(roles.get(id)));
    }

    public void delete(ApiCall call) {
        String id = call.pathParam("roleId");
        call.auditBefore(toJson(roles.get(id)));
        if (users.anyHolds(id) || tokens.anyHolds(id)) {
            throw DomainException.conflict("role '" + id + "' is assigned to users or API tokens; unassign it first");
        }
        roles.delete(id);
        call.noContent();
    }

    static ObjectNode toJson(Role role) {
        ObjectNode json = Json.object();
        json.put("id", role.id());
        json.put("displayName", role.displayName());
        json.put("kind", role.kind().name().toLowerCase(Locale.ROOT));
        json.put("builtIn", role.builtIn());
        var permissions = json.putArray("permissions");
        role.permissions().stream().sorted().forEach(p -> permissions.add(p.wireName()));
        return json;
    }

    private static Set<Permission> permissions(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw ApiError.badRequest("'permissions' must be an array of permission names (e.g. \"devices.view\")");
        }
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        for (JsonNode name : node) {
            out.add(Permission.byWireName(name.asText()).orElseThrow(() -> ApiError.badRequest(
                    "unknown permission '" + name.asText() + "'")));
        }
        return out;
    }
}
