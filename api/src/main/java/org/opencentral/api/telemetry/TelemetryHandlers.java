package org.opencentral.api.telemetry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.LastValue;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.platform.device.DeviceRegistry;

/** Last known telemetry values: 200 {@code {"value","timestamp"}}; 404 for no device or no value yet. */
public final class TelemetryHandlers {
    private final DeviceRegistry devices;
    private final LastValueStore lastValues;

    public TelemetryHandlers(DeviceRegistry devices, LastValueStore lastValues) {
        this.devices = devices;
        this.lastValues = lastValues;
    }

    public void get(ApiCall call) {
        answer(call, "");
    }

    public void getInComponent(ApiCall call) {
        answer(call, call.pathParam("componentName"));
    }

    private void answer(ApiCall call, String component) {
        DeviceId id = call.deviceId();
        String name = call.pathParam("telemetryName");
        devices.get(id);
        LastValue value = lastValues.find(id, component, name).orElseThrow(() -> DomainException.notFound(
                "telemetry '" + (component.isEmpty() ? name : component + "/" + name) + "' of device '" + id + "'"));
        call.json(200, toJson(value));
    }

    public static ObjectNode toJson(LastValue value) {
        ObjectNode json = Json.object();
        json.set("value", value.value());
        json.put("timestamp", value.timestamp().toString());
        return json;
    }
}
