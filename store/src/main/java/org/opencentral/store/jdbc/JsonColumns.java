package org.opencentral.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.security.RoleAssignment;

/** How structured values are kept in TEXT columns (the same JSON text in every dialect). */
final class JsonColumns {
    private JsonColumns() {
    }

    static String roles(List<RoleAssignment> roles) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (RoleAssignment assignment : roles) {
            ObjectNode item = array.addObject().put("role", assignment.role());
            assignment.organization().ifPresent(org -> item.put("organization", org));
        }
        return array.toString();
    }

    static List<RoleAssignment> roles(String text) {
        List<RoleAssignment> roles = new ArrayList<>();
        for (JsonNode item : Json.parse(text)) {
            JsonNode organization = item.path("organization");
            roles.add(new RoleAssignment(item.path("role").asText(),
                    organization.isTextual() ? Optional.of(organization.asText()) : Optional.empty()));
        }
        return roles;
    }

    static String stringMap(Map<String, String> map) {
        ObjectNode object = Json.object();
        map.forEach(object::put);
        return object.toString();
    }

    static Map<String, String> stringMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        Json.parseObject(text).properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    static ObjectNode object(String text) {
        return Json.parseObject(text);
    }
}
