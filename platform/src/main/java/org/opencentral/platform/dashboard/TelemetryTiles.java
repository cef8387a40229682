package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.telemetry.TelemetryQueries;
import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * Chart and KPI data through the query engine's telemetry plans ({@link TelemetryQuery}): one
 * statement per capability, aggregated per window (a chart) or over the whole range (a KPI), over
 * the tile's devices, per device when the tile names its devices and across them otherwise. The
 * store answers aggregates from its 1-minute and 1-hour rollups where the windows allow.
 * A capability is {@code name}, a member's dotted path ({@code location.lat}), or
 * {@code component/name}.
 */
final class TelemetryTiles {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Optional<TelemetryQueries> queries;

    TelemetryTiles(Optional<TelemetryQueries> queries) {
        this.queries = queries;
    }

    /** {@code series}: per capability (and device), the windows' {@code [epoch ms, value]} points. */
    ObjectNode chart(JsonNode configuration, List<String> devices, TileRange range) {
        return chart(configuration, devices, range, TileDevices.named(configuration));
    }

    /** {@code series} as {@link #chart(JsonNode, List, TileRange)}, per device when {@code byDevice}. */
    ObjectNode chart(JsonNode configuration, List<String> devices, TileRange range, boolean byDevice) {
        ObjectNode data = Json.object();
        ArrayNode series = data.putArray("series");
        for (JsonNode capability : configuration.path("capabilities")) {
            Map<String, ArrayNode> points = new LinkedHashMap<>();
            for (List<Object> row : run(capability, devices, range, Optional.of(range.window()), byDevice)) {
                if (row.get(2) != null) {
                    String device = row.get(0) == null ? "" : (String) row.get(0);
                    points.computeIfAbsent(device, d -> Json.MAPPER.createArrayNode()).addArray()
                            .add((Long) row.get(1) / 1000).add(((Number) row.get(2)).doubleValue());
                }
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
    ObjectNode kpi(JsonNode configuration, List<String> devices, TileRange range) {
        ObjectNode data = Json.object();
        ArrayNode values = data.putArray("values");
        for (JsonNode capability : configuration.path("capabilities")) {
            ObjectNode one = describe(values.addObject(), capability);
            List<List<Object>> rows = run(capability, devices, range, Optional.empty(), false);
            if (!rows.isEmpty() && rows.get(0).get(2) != null) {
                one.put("value", ((Number) rows.get(0).get(2)).doubleValue());
            }
        }
        return data;
    }

    private List<List<Object>> run(JsonNode capability, List<String> devices, TileRange range,
            Optional<Duration> window, boolean byDevice) {
        if (devices.isEmpty()) {
            return List.of();
        }
        TelemetryQueries engine = queries.orElseThrow(() -> new DomainException(ErrorCode.UNAVAILABLE,
                "this telemetry store answers no queries"));
        String path = capability.path("capability").asText();
        int slash = path.indexOf('/');
        TelemetryQuery.Series series = slash < 0 ? new TelemetryQuery.Series("", path)
                : new TelemetryQuery.Series(path.substring(0, slash), path.substring(slash + 1));
        TelemetryQuery.Function function = TelemetryQuery.Function.valueOf(
                capability.path("aggregateFunction").asText("avg").toUpperCase(Locale.ROOT));
        long windows = window.map(w -> range.range().length().dividedBy(w) + 2).orElse(1L);
        int limit = (int) Math.min(Integer.MAX_VALUE, windows * (byDevice ? devices.size() : 1));
        TelemetryQuery query = new TelemetryQuery(devices, List.of(series), Optional.of(range.range()),
                Optional.of(new TelemetryQuery.Aggregation(List.of(new TelemetryQuery.Aggregate(function,
                        OptionalInt.of(0))), byDevice, window, true)), Optional.empty(), List.of(), limit);
        return engine.run(query, TIMEOUT);
    }

    private static ObjectNode describe(ObjectNode json, JsonNode capability) {
        json.put("capability", capability.path("capability").asText());
        json.put("aggregateFunction", capability.path("aggregateFunction").asText("avg"));
        return json;
    }
}
