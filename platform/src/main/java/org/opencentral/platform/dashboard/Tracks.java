package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencentral.core.Json;
import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * Devices' tracks on a telemetry map: the tile's first capability (a {@code geopoint}) over the
 * range, thinned on the server to at most about {@value #POINTS} points per device — the last
 * position of each window (1 min, 5 min, … 1 w, the smallest that gives at most that many), read
 * from the rollups like a chart's, in one statement for all the tile's devices.
 */
final class Tracks {
    /** The most windows, and so points, of a device's track. */
    static final int POINTS = 60;

    private Tracks() {
    }

    /** Plans the track statement of a {@code mapTelemetry} tile. */
    static void plan(JsonNode configuration, List<String> devices, TileRange range, TileStatements statements) {
        first(configuration).ifPresent(location -> {
            TileStatements.Shape shape = shape(devices, range);
            statements.want(shape, member(location, "lat"));
            statements.want(shape, member(location, "lon"));
        });
    }

    /** {@code [{device, points: [[epoch ms, lat, lon]…]}]}, oldest point first, the newest last. */
    static ArrayNode tracks(JsonNode configuration, List<String> devices, TileRange range, TileStatements statements) {
        ArrayNode tracks = Json.MAPPER.createArrayNode();
        Optional<TelemetryQuery.Series> location = first(configuration);
        if (location.isEmpty()) {
            return tracks;
        }
        TileStatements.Shape shape = shape(devices, range);
        Map<String, TreeMap<Long, double[]>> byDevice = new LinkedHashMap<>();
        List<List<List<Object>>> members = List.of(statements.rows(shape, member(location.get(), "lat")),
                statements.rows(shape, member(location.get(), "lon")));
        for (int m = 0; m < 2; m++) {
            for (List<Object> row : members.get(m)) {
                double[] point = byDevice.computeIfAbsent((String) row.get(0), d -> new TreeMap<>())
                        .computeIfAbsent((Long) row.get(1) / 1000, t -> new double[] {Double.NaN, Double.NaN});
                point[m] = ((Number) row.get(2)).doubleValue();
            }
        }
        byDevice.forEach((device, points) -> {
            ArrayNode out = Json.MAPPER.createArrayNode();
            points.forEach((time, point) -> {
                if (!Double.isNaN(point[0]) && !Double.isNaN(point[1])) {
                    out.addArray().add(time).add(point[0]).add(point[1]);
                }
            });
            if (!out.isEmpty()) {
                tracks.addObject().put("device", device).set("points", out);
            }
        });
        return tracks;
    }

    private static TileStatements.Shape shape(List<String> devices, TileRange range) {
        return new TileStatements.Shape(devices, range.range(),
                Optional.of(TileRange.fitting(range.range().length(), POINTS)), true);
    }

    private static Optional<TelemetryQuery.Series> first(JsonNode configuration) {
        JsonNode capability = configuration.path("capabilities").path(0);
        return capability.isMissingNode() ? Optional.empty()
                : Optional.of(TelemetryTiles.column(capability).series());
    }

    private static TileStatements.Column member(TelemetryQuery.Series location, String member) {
        return new TileStatements.Column(new TelemetryQuery.Series(location.component(),
                location.capability() + "." + member), TelemetryQuery.Function.LAST);
    }
}
