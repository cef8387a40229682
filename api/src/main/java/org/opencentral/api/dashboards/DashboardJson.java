package org.opencentral.api.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opencentral.api.devices.DeviceJson;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.ETags;
import org.opencentral.core.Json;
import org.opencentral.core.dashboard.Dashboard;
import org.opencentral.core.dashboard.Tile;
import org.opencentral.platform.dashboard.DashboardChanges;

/**
 * Dashboards as IoT Central writes them: {@code id, displayName, tiles, personal, favorite, etag,
 * organizations}; a tile as {@code id, displayName, configuration, x, y, width, height}. A tile
 * without an id (or with one used twice) gets a fresh one.
 */
final class DashboardJson {
    private DashboardJson() {
    }

    static ObjectNode toJson(Dashboard dashboard) {
        ObjectNode json = Json.object();
        json.put("id", dashboard.id());
        json.put("displayName", dashboard.displayName());
        var tiles = json.putArray("tiles");
        dashboard.tiles().forEach(tile -> tiles.add(tile.toJson()));
        json.put("personal", dashboard.personal());
        json.put("favorite", dashboard.favorite());
        json.put("etag", ETags.bare(dashboard.etag()));
        if (!dashboard.organizations().isEmpty()) {
            dashboard.organizations().forEach(json.putArray("organizations")::add);
        }
        return json;
    }

    /** The members a body names. */
    static DashboardChanges changes(ObjectNode body) {
        Optional<String> displayName = DeviceJson.text(body, "displayName");
        if (displayName.filter(String::isBlank).isPresent()) {
            throw ApiError.badRequest("'displayName' may not be blank");
        }
        Optional<List<String>> organizations = body.has("organizations")
                ? Optional.of(DeviceJson.organization(body).map(List::of).orElse(List.of()))
                : Optional.empty();
        return new DashboardChanges(displayName, tiles(body.get("tiles")), flag(body, "favorite"), organizations,
                flag(body, "personal"));
    }

    private static Optional<Boolean> flag(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiError.badRequest("'" + name + "' must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    static Optional<List<Tile>> tiles(JsonNode tiles) {
        if (tiles == null || tiles.isNull()) {
            return Optional.empty();
        }
        if (!tiles.isArray()) {
            throw ApiError.badRequest("'tiles' must be an array of tiles");
        }
        if (tiles.size() > Dashboard.MAX_TILES) {
            throw ApiError.badRequest("a dashboard holds at most " + Dashboard.MAX_TILES + " tiles, not " + tiles.size());
        }
        List<Tile> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < tiles.size(); i++) {
            out.add(tile(tiles.get(i), i, ids));
        }
        return Optional.of(out);
    }

    private static Tile tile(JsonNode tile, int index, Set<String> ids) {
        String where = "tiles[" + index + "]";
        if (!tile.isObject()) {
            throw ApiError.badRequest(where + " must be an object");
        }
        if (!tile.path("displayName").isTextual()) {
            throw ApiError.badRequest(where + ".displayName is required");
        }
        JsonNode configuration = tile.get("configuration");
        if (configuration == null || !configuration.isObject() || !configuration.path("type").isTextual()) {
            throw ApiError.badRequest(where + ".configuration is required: an object with a 'type'");
        }
        String id = tile.path("id").isTextual() && !tile.path("id").asText().isBlank() ? tile.path("id").asText()
                : UUID.randomUUID().toString();
        if (!ids.add(id)) {
            id = UUID.randomUUID().toString();
            ids.add(id);
        }
        return new Tile(id, tile.path("displayName").asText(), (ObjectNode) configuration,
                cell(tile, "x", where, 0, Tile.MAX_POSITION), cell(tile, "y", where, 0, Tile.MAX_POSITION),
                cell(tile, "width", where, 1, Tile.MAX_SIZE), cell(tile, "height", where, 1, Tile.MAX_SIZE));
    }

    private static int cell(JsonNode tile, String name, String where, int min, int max) {
        JsonNode value = tile.get(name);
        if (value == null || !value.isNumber() || value.asDouble() != Math.rint(value.asDouble())
                || value.asInt() < min || value.asInt() > max) {
            throw ApiError.badRequest(where + "." + name + " is required: a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }
}
