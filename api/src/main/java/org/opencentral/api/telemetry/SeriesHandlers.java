package org.opencentral.api.telemetry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.LastValue;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.dtdl.json.SchemaJson;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Telemetry;
import org.opencentral.platform.device.DeviceRegistry;

/**
 * OpenCentral extension {@code GET /api/devices/{deviceId}/telemetry}: every telemetry series the
 * device has sent (each top-level member of its messages, per component), with its last value and
 * time, and whether the device's template models it (then with the model's display name and
 * schema). Modeled telemetry the device never sent is not listed. At most {@value #LIMIT} series,
 * ordered by component then name; {@code truncated} says when there were more.
 */
public final class SeriesHandlers {
    static final int LIMIT = 1_000;

    private final DeviceRegistry devices;
    private final LastValueStore lastValues;
    private final Function<DeviceId, Optional<DeviceModel>> models;

    /** {@code models}: the model of a device's template, empty without one. */
    public SeriesHandlers(DeviceRegistry devices, LastValueStore lastValues,
            Function<DeviceId, Optional<DeviceModel>> models) {
        this.devices = devices;
        this.lastValues = lastValues;
        this.models = models;
    }

    public void list(ApiCall call) {
        DeviceId id = call.deviceId();
        devices.get(id);
        Optional<DeviceModel> model = models.apply(id);
        List<LastValue> values = lastValues.list(id, LIMIT + 1);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("value");
        values.stream().limit(LIMIT).forEach(v -> items.add(toJson(v, model)));
        body.put("truncated", values.size() > LIMIT);
        call.json(200, body);
    }

    private static ObjectNode toJson(LastValue value, Optional<DeviceModel> model) {
        ObjectNode json = Json.object();
        if (!value.component().isEmpty()) {
            json.put("component", value.component());
        }
        json.put("name", value.name());
        json.set("value", value.value());
        json.put("timestamp", value.timestamp().toString());
        Optional<String> component = Optional.of(value.component()).filter(c -> !c.isEmpty());
        Optional<Telemetry> modeled = model.flatMap(m -> m.telemetry(component, value.name()));
        json.put("modeled", modeled.isPresent());
        modeled.ifPresent(t -> {
            t.info().displayName().text().ifPresent(d -> json.put("displayName", d));
            json.set("schema", SchemaJson.toJson(t.schema()));
        });
        return json;
    }
}
