package org.opencentral.api.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.devices.DeviceJson;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.ETags;
import org.opencentral.core.Json;
import org.opencentral.core.group.DeviceGroup;
import org.opencentral.platform.group.GroupChanges;

/** Device groups as IoT Central writes them: {@code id, displayName, filter, description, etag, organizations}. */
final class GroupJson {
    private GroupJson() {
    }

    static ObjectNode toJson(DeviceGroup group) {
        ObjectNode json = Json.object();
        json.put("id", group.id());
        json.put("displayName", group.displayName());
        json.put("filter", group.filter());
        group.description().ifPresent(d -> json.put("description", d));
        json.put("etag", ETags.bare(group.etag()));
        if (!group.organizations().isEmpty()) {
            group.organizations().forEach(json.putArray("organizations")::add);
        }
        return json;
    }

    /** The members a body names; {@code "description": null} removes the description. */
    static GroupChanges changes(ObjectNode body) {
        Optional<Optional<String>> description = Optional.empty();
        JsonNode given = body.get("description");
        if (given != null) {
            if (!given.isNull() && !given.isTextual()) {
                throw ApiError.badRequest("'description' must be a string");
            }
            description = Optional.of(given.isNull() ? Optional.empty() : Optional.of(given.asText()));
        }
        Optional<List<String>> organizations = body.has("organizations")
                ? Optional.of(DeviceJson.organization(body).map(List::of).orElse(List.of()))
                : Optional.empty();
        return new GroupChanges(nonBlank(body, "displayName"), nonBlank(body, "filter"), description, organizations);
    }

    private static Optional<String> nonBlank(ObjectNode body, String name) {
        Optional<String> value = DeviceJson.text(body, name);
        if (value.filter(String::isBlank).isPresent()) {
            throw ApiError.badRequest("'" + name + "' may not be blank");
        }
        return value;
    }
}
