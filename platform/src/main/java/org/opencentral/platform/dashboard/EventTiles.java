package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.telemetry.TelemetryQueries;
import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * Event and state tiles ({@code eventChart}, {@code eventHistoryChart}, {@code stateChart},
 * {@code stateHistoryChart}): the values their capabilities — telemetry a template marks as an
 * event or a state, as IoT Central does — took over the range, newest first, at most
 * {@value #EVENTS} messages, in one statement over the tile's devices. Values are kept as sent: a
 * state's enum value, an event's string, number or flag.
 */
final class EventTiles {
    /** The most device messages an event or state tile lists. */
    static final int EVENTS = 500;

    private final Optional<TelemetryQueries> queries;

    EventTiles(Optional<TelemetryQueries> queries) {
        this.queries = queries;
    }

    /** {@code events}: {@code [{capability, device, time, value}]}, newest first. */
    ObjectNode events(JsonNode configuration, List<String> devices, TileRange range) {
        ObjectNode data = Json.object();
        ArrayNode events = data.putArray("events");
        List<JsonNode> capabilities = new ArrayList<>();
        configuration.path("capabilities").forEach(capabilities::add);
        if (devices.isEmpty() || capabilities.isEmpty()) {
            return data;
        }
        TelemetryQueries engine = queries.orElseThrow(() -> new DomainException(ErrorCode.UNAVAILABLE,
                "this telemetry store answers no queries"));
        List<TelemetryQuery.Series> series = capabilities.stream()
                .map(c -> TelemetryTiles.column(c).series()).toList();
        TelemetryQuery query = new TelemetryQuery(devices, series, Optional.of(range.range()), Optional.empty(),
                Optional.empty(), List.of(new TelemetryQuery.Order(new TelemetryQuery.Key.Time(),
                        TelemetryQuery.Direction.DESC)), EVENTS);
        for (List<Object> row : engine.run(query, TileStatements.TIMEOUT)) {
            String time = Instant.EPOCH.plus(((Number) row.get(1)).longValue(), ChronoUnit.MICROS).toString();
            for (int i = 0; i < series.size(); i++) {
                Optional<JsonNode> value = value(row, 2 + 3 * i);
                if (value.isPresent()) {
                    events.addObject().put("capability", capabilities.get(i).path("capability").asText())
                            .put("device", (String) row.get(0)).put("time", time).set("value", value.get());
                }
            }
        }
        return data;
    }

    /** A row's value of one series: its number, flag or text (columns {@code at}, {@code at + 1}, {@code at + 2}). */
    private static Optional<JsonNode> value(List<Object> row, int at) {
        if (row.get(at) instanceof Number number) {
            return Optional.of(Json.MAPPER.getNodeFactory().numberNode(number.doubleValue()));
        }
        if (row.get(at + 1) instanceof Boolean flag) {
            return Optional.of(Json.MAPPER.getNodeFactory().booleanNode(flag));
        }
        return Optional.ofNullable(row.get(at + 2)).map(text -> Json.MAPPER.getNodeFactory().textNode(text.toString()));
    }
}
