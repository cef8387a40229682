package org.opencentral.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.core.security.RoleAssignment;

/** Shared JSON pieces: role assignments, string members, {@code {"value":[…]}} collections. */
final class SecurityJson {
    private SecurityJson() {
    }

    static ArrayNode roles(List<RoleAssignment> roles) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (RoleAssignment assignment : roles) {
            ObjectNode item = array.addObject().put("role", assignment.role());
            assignment.organization().ifPresent(org -> item.put("organization", org));
        }
        return array;
    }

    /** The {@code roles} member: a non-empty array of {@code {"role", "organization"?}}. */
    static List<RoleAssignment> roles(ObjectNode body) {
        JsonNode roles = body.get("roles");
        if (roles == null || !roles.isArray() || roles.isEmpty()) {
            throw ApiError.badRequest("'roles' must be an array with at least one {\"role\", \"organization\"?}");
        }
        List<RoleAssignment> out = new ArrayList<>();
        for (JsonNode item : roles) {
            if (!item.path("role").isTextual()) {
                throw ApiError.badRequest("every role assignment needs a 'role' string");
            }
            JsonNode org = item.path("organization");
            if (!org.isMissingNode() && !org.isTextual()) {
                throw ApiError.badRequest("'organization' of a role assignment must be a string");
            }
            out.add(new RoleAssignment(item.get("role").asText(), org.isTextual() ? Optional.of(org.asText())
                    : Optional.empty()));
        }
        return out;
    }

    static Optional<String> text(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + name + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    static String requiredText(ObjectNode body, String name) {
        return text(body, name).orElseThrow(() -> ApiError.badRequest("'" + name + "' is required"));
    }

    static ObjectNode collection(List<? extends JsonNode> items) {
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        items.forEach(value::add);
        return body;
    }
}
