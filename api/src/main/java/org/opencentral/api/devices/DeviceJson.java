package org.opencentral.api.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.ETags;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.SimulationInterval;
import org.opencentral.platform.device.DeviceChanges;

/**
 * IoT Central's {@code Device} JSON: {@code id, etag, displayName, template, enabled, provisioned,
 * simulated, organizations}, and the extensions {@code simulationInterval} (an ISO 8601 duration such
 * as {@code "PT2S"}; absent: the server's default; {@code null} in a body sets the default again),
 * {@code connected} and {@code lastActivity} (read-only: the device's connection state and when it was
 * last heard from, absent when never).
 * Read-only members in request bodies ({@code provisioned, connected, lastActivity}) are ignored; an {@code id} that differs
 * from the path, more than one organization, an interval out of bounds and wrongly typed or
 * {@code null} members are refused with 400.
 */
public final class DeviceJson {
    private static final String SIMULATION_INTERVAL = "simulationInterval";

    private DeviceJson() {
    }

    public static ObjectNode toJson(Device device) {
        ObjectNode json = Json.object();
        json.put("id", device.id().value());
        json.put("etag", ETags.bare(device.etag()));
        json.put("displayName", device.displayName());
        device.template().ifPresent(t -> json.put("template", t));
        json.put("enabled", device.enabled());
        json.put("provisioned", device.provisioned());
        json.put("simulated", device.simulated());
        device.organization().ifPresent(org -> json.putArray("organizations").add(org));
        device.simulationInterval().ifPresent(interval -> json.put(SIMULATION_INTERVAL, interval.toString()));
        json.put("connected", device.connection().connected());
        device.connection().lastActivity().ifPresent(at -> json.put("lastActivity", at.toString()));
        return json;
    }

    /** The writable fields of a request body; absent members stay empty. */
    public static DeviceChanges changes(String pathId, ObjectNode body) {
        Optional<String> id = text(body, "id");
        if (id.isPresent() && !id.get().equals(pathId)) {
            throw ApiError.badRequest("the body's id '" + id.get() + "' differs from the path's '" + pathId + "'");
        }
        return new DeviceChanges(text(body, "displayName"), text(body, "template"), bool(body, "enabled"),
                bool(body, "simulated"), organization(body), simulationInterval(body));
    }

    /** The interval given: empty when absent, the server's default for {@code null}. */
    private static Optional<Optional<SimulationInterval>> simulationInterval(ObjectNode body) {
        JsonNode value = body.get(SIMULATION_INTERVAL);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + SIMULATION_INTERVAL + "' must be an ISO 8601 duration such as \"PT2S\"");
        }
        return Optional.of(Optional.of(SimulationInterval.parse(value.asText())));
    }

    /** The one organization of {@code organizations} ({@code []} or absent: none given). */
    public static Optional<String> organization(ObjectNode body) {
        JsonNode organizations = present(body, "organizations");
        if (organizations == null) {
            return Optional.empty();
        }
        if (!organizations.isArray() || organizations.size() > 1
                || (organizations.size() == 1 && !organizations.get(0).isTextual())) {
            throw ApiError.badRequest("'organizations' must be an array of at most one organization id");
        }
        return organizations.isEmpty() ? Optional.empty() : Optional.of(organizations.get(0).asText());
    }

    /** The {@code etag} member of a body, if any. */
    public static Optional<String> etag(ObjectNode body) {
        return text(body, "etag");
    }

    /** A string member of a body; 400 when it is null or not a string. */
    public static Optional<String> text(ObjectNode body, String name) {
        JsonNode value = present(body, name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + name + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    private static Optional<Boolean> bool(ObjectNode body, String name) {
        JsonNode value = present(body, name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiError.badRequest("'" + name + "' must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    private static JsonNode present(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value != null && value.isNull()) {
            throw ApiError.badRequest("'" + name + "' may not be null");
        }
        return value;
    }
}
