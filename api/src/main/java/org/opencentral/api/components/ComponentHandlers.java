package org.opencentral.api.components;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.dtdl.model.Component;
import org.opencentral.dtdl.model.DeviceModel;

/**
 * The components of a device's template, as IoT Central lists them: {@code @type}, {@code name},
 * {@code schema} (the component's interface) and, when the model has them, {@code displayName} and
 * {@code description}. A device without a template has none.
 */
public final class ComponentHandlers {
    /** The model of a device's template; 404 for a missing device, empty without a template. */
    public interface Models {
        Optional<DeviceModel> of(DeviceId id);
    }

    private final Models models;

    public ComponentHandlers(Models models) {
        this.models = models;
    }

    public void list(ApiCall call) {
        List<Component> components = models.of(call.deviceId()).map(DeviceModel::components).orElse(List.of());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        components.forEach(c -> value.add(toJson(c)));
        call.json(200, body);
    }

    private static ObjectNode toJson(Component component) {
        ObjectNode json = Json.object();
        json.put("@type", "Component");
        json.put("name", component.name());
        json.put("schema", component.schema().id().value());
        component.info().displayName().text().ifPresent(t -> json.put("displayName", t));
        component.info().description().text().ifPresent(t -> json.put("description", t));
        return json;
    }
}
