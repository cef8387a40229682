package org.opencentral.platform.query.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.telemetry.TelemetryQueries;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.plan.PlannedQuery;
import org.opencentral.platform.query.plan.Slot;
import org.opencentral.platform.query.plan.TelemetryPlanner;

/** Telemetry queries: planned, run on the telemetry store, rows turned into IoT Central's JSON. */
final class TelemetryRows {
    private final TelemetryQueries telemetry;
    private final TelemetryPlanner planner = new TelemetryPlanner();
    private final QuerySettings settings;

    TelemetryRows(TelemetryQueries telemetry, QuerySettings settings) {
        this.telemetry = telemetry;
        this.settings = settings;
    }

    List<ObjectNode> run(Query query, ResolvedDevices devices, Instant now) {
        if (devices.isEmpty()) {
            return List.of();
        }
        PlannedQuery compiled = planner.plan(query, devices, now);
        List<List<Object>> rows = telemetry.run(compiled.plan(), settings.timeout());
        List<ObjectNode> results = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            results.add(json(query, compiled, row, devices));
        }
        return results;
    }

    private static ObjectNode json(Query query, PlannedQuery compiled, List<Object> row, ResolvedDevices devices) {
        ObjectNode json = Json.object();
        Optional<Device> device = compiled.device().flatMap(d -> devices.find((String) row.get(d.index())));
        for (int i = 0; i < query.columns().size(); i++) {
            Column column = query.columns().get(i);
            switch (compiled.slots().get(i)) {
                case Slot.Device d -> put(json, column.name(), row.get(d.index()));
                case Slot.Time t -> put(json, column.name(), row.get(t.index()) instanceof Long us ? time(us) : null);
                case Slot.Number n -> put(json, column.name(), row.get(n.index()));
                case Slot.Value v -> put(json, column.name(), firstNonNull(row, v.index()));
                case Slot.Metadata m -> device.ifPresent(d -> RowJson.put(json, column.name(),
                        MetadataFilter.value(m.field(), d)));
            }
        }
        return json;
    }

    private static Object firstNonNull(List<Object> row, int index) {
        for (int i = index; i < index + 3; i++) {
            if (row.get(i) != null) {
                return row.get(i);
            }
        }
        return null;
    }

    private static String time(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000)
                .toString();
    }

    private static void put(ObjectNode json, String name, Object value) {
        switch (value) {
            case null -> { }
            case String s -> json.put(name, s);
            case Boolean b -> json.put(name, b);
            case Long l -> json.put(name, l);
            case Double d -> RowJson.putNumber(json, name, d);
            default -> json.put(name, value.toString());
        }
    }
}
