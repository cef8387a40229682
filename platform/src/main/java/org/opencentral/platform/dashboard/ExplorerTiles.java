package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.twin.Twin;
import org.opencentral.core.store.TwinStore;
import org.opencentral.core.telemetry.TelemetryQueries;
import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * A {@code dataExplorer} tile's data: its group's telemetry aggregated per window, across the
 * devices, per device ({@code splitBy: device}), or per value of a reported property
 * ({@code splitBy: property}, {@code splitProperty}: {@code name} or {@code component/name}; at
 * most {@value #SPLITS} values, devices without the property under {@code ""}). Answers the chart's
 * {@code series} and the same numbers as a {@code table}: a column per series, a row per window.
 * A {@code count} of telemetry that is not a number (strings, booleans, objects) counts its values
 * from the raw messages, since the rollups hold numbers only.
 */
final class ExplorerTiles {
    static final int SPLITS = 50;

    private final Optional<TelemetryQueries> queries;
    private final TwinStore twins;

    ExplorerTiles(Optional<TelemetryQueries> queries, TwinStore twins) {
        this.queries = queries;
        this.twins = twins;
    }

    /** {@code series} and {@code table}; {@code null} for a tile that names no group (an IoT Central query id). */
    ObjectNode explore(JsonNode configuration, List<String> devices, TileRange range) {
        if (!configuration.path("group").isTextual()) {
            return null;
        }
        ObjectNode data = switch (configuration.path("splitBy").asText("none")) {
            case "device" -> chart(configuration, devices, range, true);
            case "property" -> byProperty(configuration, devices, range);
            default -> chart(configuration, devices, range, false);
        };
        data.set("table", table((ArrayNode) data.get("series")));
        return data;
    }

    private ObjectNode byProperty(JsonNode configuration, List<String> devices, TileRange range) {
        String property = configuration.path("splitProperty").asText();
        Map<String, List<String>> split = new TreeMap<>();
        for (String device : devices) {
            split.computeIfAbsent(reported(device, property), v -> new ArrayList<>()).add(device);
        }
        if (split.size() > SPLITS) {
            throw DomainException.badRequest("'" + property + "' has " + split.size()
                    + " values among the devices; a split shows at most " + SPLITS);
        }
        ObjectNode data = Json.object();
        ArrayNode series = data.putArray("series");
        split.forEach((value, members) -> {
            for (JsonNode one : chart(configuration, members, range, false).path("series")) {
                series.add(((ObjectNode) one).put("split", value));
            }
        });
        return data;
    }

    /**
     * One chart of the explorer's devices (each split reads its own devices, so its statements are
     * its own rather than shared with the refresh's other tiles).
     */
    private ObjectNode chart(JsonNode configuration, List<String> devices, TileRange range, boolean byDevice) {
        TileStatements statements = new TileStatements(queries);
        TileStatements.Shape shape = TelemetryTiles.windows(devices, range, byDevice);
        TelemetryTiles.want(configuration, shape, statements);
        ObjectNode data = TelemetryTiles.series(configuration, shape, statements);
        for (JsonNode capability : configuration.path("capabilities")) {
            if (capability.path("aggregateFunction").asText().equals("count") && !devices.isEmpty()
                    && !answered(data, capability)) {
                countValues((ArrayNode) data.get("series"), capability, shape);
            }
        }
        return data;
    }

    private static boolean answered(ObjectNode data, JsonNode capability) {
        String name = capability.path("capability").asText();
        for (JsonNode series : data.path("series")) {
            if (series.path("capability").asText().equals(name) && series.path("aggregateFunction").asText().equals("count")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The count of a capability the rollups hold no number of (a string, boolean or object
     * telemetry: the rollups aggregate numbers only): its values counted per window from the raw
     * messages, as message rows that carry it.
     */
    private void countValues(ArrayNode series, JsonNode capability, TileStatements.Shape shape) {
        TelemetryQueries engine = queries.orElseThrow(() -> new DomainException(ErrorCode.UNAVAILABLE,
                "this telemetry store answers no queries"));
        TelemetryQuery.Aggregation count = new TelemetryQuery.Aggregation(List.of(new TelemetryQuery.Aggregate(
                TelemetryQuery.Function.COUNT, OptionalInt.empty())), shape.byDevice(), shape.window(), false);
        TelemetryQuery query = new TelemetryQuery(shape.devices(), List.of(TelemetryTiles.column(capability).series()),
                Optional.of(shape.range()), Optional.of(count), Optional.of(new TelemetryQuery.Condition.Not(
                        new TelemetryQuery.Condition.ValueIsNull(0))), List.of(), TileStatements.limit(shape));
        Map<String, ArrayNode> points = new LinkedHashMap<>();
        for (List<Object> row : engine.run(query, TileStatements.TIMEOUT)) {
            String device = row.get(0) == null ? "" : (String) row.get(0);
            points.computeIfAbsent(device, d -> Json.MAPPER.createArrayNode()).addArray()
                    .add(((Number) row.get(1)).longValue() / 1000).add(((Number) row.get(2)).doubleValue());
        }
        points.forEach((device, values) -> {
            ObjectNode one = series.addObject().put("capability", capability.path("capability").asText())
                    .put("aggregateFunction", "count");
            if (!device.isEmpty()) {
                one.put("device", device);
            }
            one.set("points", values);
        });
    }

    private String reported(String device, String property) {
        int slash = property.indexOf('/');
        return twins.find(DeviceId.of(device)).map(Twin::reported).map(r -> slash < 0
                ? r.properties().path(property) : r.properties().path(property.substring(0, slash))
                        .path(property.substring(slash + 1)))
                .filter(JsonNode::isValueNode).map(JsonNode::asText).orElse("");
    }

    /** {@code {columns: ["time", label…], rows: [[epoch ms, value or null…]]}}, rows by time. */
    static ObjectNode table(ArrayNode series) {
        ObjectNode table = Json.object();
        ArrayNode columns = table.putArray("columns").add("time");
        Map<Long, Map<Integer, Double>> rows = new TreeMap<>();
        for (int i = 0; i < series.size(); i++) {
            JsonNode one = series.get(i);
            columns.add(label(one));
            for (JsonNode point : one.path("points")) {
                rows.computeIfAbsent(point.get(0).asLong(), t -> new LinkedHashMap<>()).put(i, point.get(1).asDouble());
            }
        }
        ArrayNode out = table.putArray("rows");
        rows.forEach((time, values) -> {
            ArrayNode row = out.addArray().add(time);
            for (int i = 0; i < series.size(); i++) {
                Double value = values.get(i);
                if (value == null) {
                    row.addNull();
                } else {
                    row.add(value);
                }
            }
        });
        return table;
    }

    /** {@code capability (function)}, then the device or the split value: {@code temperature (avg) t1}. */
    private static String label(JsonNode series) {
        String label = series.path("capability").asText() + " (" + series.path("aggregateFunction").asText() + ")";
        if (series.has("device")) {
            return label + " " + series.path("device").asText();
        }
        return series.has("split") ? label + " " + series.path("split").asText() : label;
    }
}
