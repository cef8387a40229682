package org.opencentral.core.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One tile of a dashboard: its id (unique in the dashboard), title, configuration (an object with
 * a {@code type}, checked by the platform) and its place on the grid, in grid cells as IoT Central
 * counts them: {@code x}, {@code y} from 0 to 100, {@code width} and {@code height} from 1 to 10.
 */
public record Tile(String id, String displayName, ObjectNode configuration, int x, int y, int width, int height) {
    public static final int MAX_POSITION = 100;
    public static final int MAX_SIZE = 10;

    public Tile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        configuration = Objects.requireNonNull(configuration, "configuration").deepCopy();
        if (!configuration.path("type").isTextual()) {
            throw new IllegalArgumentException("a tile's configuration names its type");
        }
        if (x < 0 || x > MAX_POSITION || y < 0 || y > MAX_POSITION) {
            throw new IllegalArgumentException("a tile's x and y lie between 0 and " + MAX_POSITION);
        }
        if (width < 1 || width > MAX_SIZE || height < 1 || height > MAX_SIZE) {
            throw new IllegalArgumentException("a tile's width and height lie between 1 and " + MAX_SIZE);
        }
    }

    /** The configuration's {@code type} ({@code lineChart}, {@code kpi}, …). */
    public String type() {
        return configuration.path("type").asText();
    }

    /** The tile as IoT Central writes it: {@code id, displayName, configuration, x, y, width, height}. */
    public ObjectNode toJson() {
        ObjectNode json = configuration.objectNode();
        json.put("id", id);
        json.put("displayName", displayName);
        json.set("configuration", configuration());
        return json.put("x", x).put("y", y).put("width", width).put("height", height);
    }

    /** A tile written by {@link #toJson()}. */
    public static Tile fromJson(JsonNode json) {
        return new Tile(json.path("id").asText(), json.path("displayName").asText(),
                (ObjectNode) json.path("configuration"), json.path("x").asInt(), json.path("y").asInt(),
                json.path("width").asInt(), json.path("height").asInt());
    }

    /** A copy of the configuration (the record keeps its own). */
    @Override
    public ObjectNode configuration() {
        return configuration.deepCopy();
    }
}
