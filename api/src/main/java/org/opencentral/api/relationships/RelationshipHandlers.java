package org.opencentral.api.relationships;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.core.relationship.DeviceRelationship;
import org.opencentral.core.store.Page;
import org.opencentral.platform.relationship.RelationshipService;
import org.opencentral.platform.relationship.RelationshipService.Changes;
import org.opencentral.platform.relationship.RelationshipService.Saved;
import org.opencentral.platform.security.Permission;

/**
 * A device's relationships: GET (paged like device lists), PUT creates or replaces, PATCH merges
 * (JSON merge patch of {@code source}/{@code target}/{@code name}), DELETE answers 204. The body's
 * {@code id} is read-only and ignored; the path names the relationship. {@code name}, an OpenCentral
 * extension, names the DTDL Relationship of the source's template the link instantiates.
 */
public final class RelationshipHandlers {
    private static final String ID = "relationshipId";
    private final RelationshipService relationships;

    public RelationshipHandlers(RelationshipService relationships) {
        this.relationships = relationships;
    }

    public void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call.query("maxpagesize"), call.query("$top"),
                call.query(DevicePaging.SKIP_TOKEN), call.query("$filter"), call.query("$orderby"));
        Page<DeviceRelationship> page = relationships.list(call.deviceId(), paging.after(), paging.size());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(r -> value.add(toJson(r)));
        page.next().ifPresent(next -> body.put("nextLink",
                paging.nextLink(call.url(), call.query("api-version").orElseThrow(), next)));
        call.json(200, body);
    }

    public void get(ApiCall call) {
        call.json(200, toJson(relationships.get(call.deviceId(), call.pathParam(ID))));
    }

    public void put(ApiCall call) throws IOException {
        Changes changes = changes(call.bodyObject());
        Saved saved = relationships.put(call.deviceId(), call.pathParam(ID), changes,
                call.scope(Permission.DEVICES_UPDATE));
        call.json(200, toJson(saved.relationship()));
    }

    public void patch(ApiCall call) throws IOException {
        Changes changes = changes(call.bodyObject());
        call.auditBefore(toJson(relationships.get(call.deviceId(), call.pathParam(ID))));
        Saved saved = relationships.patch(call.deviceId(), call.pathParam(ID), changes,
                call.scope(Permission.DEVICES_UPDATE));
        call.json(200, toJson(saved.relationship()));
    }

    public void delete(ApiCall call) {
        call.auditBefore(toJson(relationships.get(call.deviceId(), call.pathParam(ID))));
        relationships.delete(call.deviceId(), call.pathParam(ID));
        call.noContent();
    }

    static ObjectNode toJson(DeviceRelationship relationship) {
        ObjectNode json = Json.object();
        json.put("id", relationship.id());
        json.put("source", relationship.source().value());
        json.put("target", relationship.target().value());
        relationship.name().ifPresent(name -> json.put("name", name));
        return json;
    }

    private static Changes changes(ObjectNode body) {
        return new Changes(text(body, "source"), text(body, "target"), text(body, "name"));
    }

    private static Optional<String> text(ObjectNode body, String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + member + "' must be a string");
        }
        return Optional.of(value.asText());
    }
}
