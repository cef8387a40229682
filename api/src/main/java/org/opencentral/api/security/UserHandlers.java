package org.opencentral.api.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.security.User;
import org.opencentral.platform.organization.AssignmentPolicy;
import org.opencentral.platform.security.Permission;
import org.opencentral.platform.security.UserService;

/**
 * Users, type {@code email} only: service principals and AAD groups are refused with 400. The
 * optional {@code password} member (OpenCentral extension, never returned) sets the local password.
 * Granted roles are checked by {@link AssignmentPolicy}.
 */
public final class UserHandlers {
    private final UserService users;
    private final AssignmentPolicy policy;

    public UserHandlers(UserService users, AssignmentPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    public void list(ApiCall call) {
        call.json(200, SecurityJson.collection(users.list().stream()
                .filter(u -> AssignmentScope.visible(call, Permission.USERS_VIEW, u.roles()))
                .map(UserHandlers::toJson).toList()));
    }

    public void get(ApiCall call) {
        call.json(200, toJson(visible(call, Permission.USERS_VIEW)));
    }

    public void put(ApiCall call) throws Exception {
        String id = call.pathParam("userId");
        ObjectNode body = call.bodyObject();
        requireEmailType(body);
        Optional<User> existing = users.find(id);
        if (existing.isPresent()) {
            visible(call, Permission.USERS_ADD);
            call.auditBefore(toJson(existing.get()));
        }
        List<RoleAssignment> roles = SecurityJson.roles(body);
        policy.check(call.principal(), roles);
        User user = users.put(id, SecurityJson.requiredText(body, "email"), SecurityJson.text(body, "password"), roles);
        call.json(200, toJson(user));
    }

    public void patch(ApiCall call) throws Exception {
        User current = visible(call, Permission.USERS_ADD);
        call.auditBefore(toJson(current));
        ObjectNode body = call.bodyObject();
        if (body.has("type")) {
            requireEmailType(body);
        }
        List<RoleAssignment> roles = body.has("roles") ? SecurityJson.roles(body) : current.roles();
        if (body.has("roles")) {
            policy.check(call.principal(), roles);
        }
        User user = users.put(current.id(), SecurityJson.text(body, "email").orElse(current.email()),
                SecurityJson.text(body, "password"), roles);
        call.json(200, toJson(user));
    }

    public void delete(ApiCall call) {
        User current = visible(call, Permission.USERS_DELETE);
        call.auditBefore(toJson(current));
        users.delete(current.id());
        call.noContent();
    }

    private User visible(ApiCall call, Permission permission) {
        String id = call.pathParam("userId");
        return users.find(id).filter(u -> AssignmentScope.visible(call, permission, u.roles()))
                .orElseThrow(() -> DomainException.notFound("user '" + id + "'"));
    }

    private static void requireEmailType(ObjectNode body) {
        String type = SecurityJson.requiredText(body, "type");
        if (!type.equals("email")) {
            throw ApiError.badRequest("user type '" + type + "' is not supported: OpenCentral has local email "
                    + "users only (no Azure AD service principals or groups); use \"type\": \"email\"");
        }
    }

    static ObjectNode toJson(User user) {
        ObjectNode json = Json.object();
        json.put("id", user.id());
        json.put("type", "email");
        json.set("roles", SecurityJson.roles(user.roles()));
        json.put("email", user.email());
        return json;
    }
}
