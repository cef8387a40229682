package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * Chart and KPI data through the query engine's telemetry plans ({@link TelemetryQuery}):
 * aggregated per window (a chart) or over the whole range (a KPI), over the tile's devices, per
 * device when the tile names its devices and across them otherwise. The tiles of a refresh that
 * share devices, range and windows share one statement of all their capabilities
 * ({@link TileStatements}). The store answers aggregates from its 1-minute and 1-hour rollups where
 * the windows allow. A capability is {@code name}, a member's dotted path ({@code location.lat}), or
 * {@code component/name}.
 */
final class TelemetryTiles {
    private TelemetryTiles() {
    }

    /**
     * What a tile aggregates: a chart per window (per device when it names its devices), a pie over
     * the whole range (per device when it names them), a KPI over the whole range across them.
     */
    enum Kind { CHART, PIE, KPI }

    /** Plans the statements a chart, pie or KPI tile will read. */
    static void plan(JsonNode configuration, List<String> devices, TileRange range, Kind kind,
            TileStatements statements) {
        want(configuration, shape(configuration, devices, range, kind), statements);
    }

    /** {@code series}: per capability (and device), the windows' {@code [epoch ms, value]} points. */
    static ObjectNode chart(JsonNode configuration, List<String> devices, TileRange range,
            TileStatements statements) {
        return series(configuration, shape(configuration, devices, range, Kind.CHART), statements);
    }

    /** A chart's windows over {@code devices}, per device when {@code byDevice}. */
    static TileStatements.Shape windows(List<String> devices, TileRange range, boolean byDevice) {
        return new TileStatements.Shape(devices, range.range(), Optional.of(range.window()), byDevice);
    }

    /** Plans every capability of a tile's configuration in {@code shape}. */
    static void want(JsonNode configuration, TileStatements.Shape shape, TileStatements statements) {
        for (JsonNode capability : configuration.path("capabilities")) {
            statements.want(shape, column(capability));
        }
    }

    /** {@code series} of the capabilities planned in {@code shape}. */
    static ObjectNode series(JsonNode configuration, TileStatements.Shape shape, TileStatements statements) {
        ObjectNode data = Json.object();
        ArrayNode series = data.putArray("series");
        for (JsonNode capability : configuration.path("capabilities")) {
            Map<String, ArrayNode> points = new LinkedHashMap<>();
            for (List<Object> row : statements.rows(shape, column(capability))) {
                String device = row.get(0) == null ? "" : (String) row.get(0);
                points.computeIfAbsent(device, d -> Json.MAPPER.createArrayNode()).addArray()
                        .add((Long) row.get(1) / 1000).add(((Number) row.get(2)).doubleValue());
            }
            points.forEach((device, values) -> {
                ObjectNode one = describe(series.addObject(), capability);
                if (!device.isEmpty()) {
                    one.put("device", device);
                }
                one.set("points", values);
            });
        }
        return data;
    }

    /** {@code values}: per capability, its aggregate over the whole range and the tile's devices. */
    static ObjectNode kpi(JsonNode configuration, List<String> devices, TileRange range, TileStatements statements) {
        ObjectNode data = Json.object();
        ArrayNode values = data.putArray("values");
        TileStatements.Shape shape = shape(configuration, devices, range, Kind.KPI);
        for (JsonNode capability : configuration.path("capabilities")) {
            ObjectNode one = describe(values.addObject(), capability);
            List<List<Object>> rows = statements.rows(shape, column(capability));
            if (!rows.isEmpty() && rows.get(0).get(2) != null) {
                one.put("value", ((Number) rows.get(0).get(2)).doubleValue());
            }
        }
        return data;
    }

    /**
     * {@code values}: a pie's slices, per capability (and per device when the tile names its
     * devices) its aggregate over the whole range; slices without values are left out.
     */
    static ObjectNode pie(JsonNode configuration, List<String> devices, TileRange range, TileStatements statements) {
        ObjectNode data = Json.object();
        ArrayNode values = data.putArray("values");
        TileStatements.Shape shape = shape(configuration, devices, range, Kind.PIE);
        for (JsonNode capability : configuration.path("capabilities")) {
            for (List<Object> row : statements.rows(shape, column(capability))) {
                if (row.get(2) != null) {
                    ObjectNode one = describe(values.addObject(), capability);
                    if (row.get(0) != null) {
                        one.put("device", (String) row.get(0));
                    }
                    one.put("value", ((Number) row.get(2)).doubleValue());
                }
            }
        }
        return data;
    }

    private static TileStatements.Shape shape(JsonNode configuration, List<String> devices, TileRange range,
            Kind kind) {
        return switch (kind) {
            case CHART -> windows(devices, range, TileDevices.named(configuration));
            case PIE -> new TileStatements.Shape(devices, range.range(), Optional.empty(),
                    TileDevices.named(configuration));
            case KPI -> new TileStatements.Shape(devices, range.range(), Optional.empty(), false);
        };
    }

    static TileStatements.Column column(JsonNode capability) {
        String path = capability.path("capability").asText();
        int slash = path.indexOf('/');
        TelemetryQuery.Series series = slash < 0 ? new TelemetryQuery.Series("", path)
                : new TelemetryQuery.Series(path.substring(0, slash), path.substring(slash + 1));
        return new TileStatements.Column(series, TelemetryQuery.Function.valueOf(
                capability.path("aggregateFunction").asText("avg").toUpperCase(Locale.ROOT)));
    }

    private static ObjectNode describe(ObjectNode json, JsonNode capability) {
        json.put("capability", capability.path("capability").asText());
        json.put("aggregateFunction", capability.path("aggregateFunction").asText("avg"));
        return json;
    }
}
