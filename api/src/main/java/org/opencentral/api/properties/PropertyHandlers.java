package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.twin.Twin;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.platform.twin.TwinService;

/**
 * Device and component properties: GET 200 (DeviceProperties), PUT/PATCH 202 (desired writes).
 * With a device template, the template decides what is a component, which members are cloud
 * properties (stored by the platform, shown beside the device's properties) and checks writable
 * values against their schema; without one the twin's component markers decide.
 */
public final class PropertyHandlers {
    private final TwinService twins;
    private final PropertyModels models;

    public PropertyHandlers(TwinService twins, PropertyModels models) {
        this.twins = twins;
        this.models = models;
    }

    public void get(ApiCall call) {
        DeviceId id = call.deviceId();
        Twin twin = twins.get(id);
        call.json(200, models.modelOf(id).map(m -> DevicePropertiesView.of(twin, m, models.cloudValues(id)))
                .orElseGet(() -> DevicePropertiesView.of(twin)));
    }

    public void patch(ApiCall call) throws Exception {
        write(call, false);
    }

    public void put(ApiCall call) throws Exception {
        write(call, true);
    }

    public void getComponent(ApiCall call) {
        DeviceId id = call.deviceId();
        String component = call.pathParam("componentName");
        Twin twin = twins.get(id);
        Optional<DeviceModel> model = models.modelOf(id);
        ObjectNode view = (model.isPresent()
                ? DevicePropertiesView.component(twin, component, model.get(), models.cloudValues(id))
                : DevicePropertiesView.component(twin, component))
                .orElseThrow(() -> DomainException.notFound("component '" + component + "'"));
        call.json(200, view);
    }

    public void patchComponent(ApiCall call) throws Exception {
        writeComponent(call, false);
    }

    public void putComponent(ApiCall call) throws Exception {
        writeComponent(call, true);
    }

    private void write(ApiCall call, boolean replace) throws Exception {
        DeviceId id = call.deviceId();
        ObjectNode body = call.bodyObject();
        Twin twin = twins.get(id);
        Optional<DeviceModel> model = models.modelOf(id);
        Optional<ModelPatches> patches = model.map(m -> ModelPatches.forDevice(m, body));
        ObjectNode desired = patches.map(ModelPatches::desired).orElseGet(() -> DesiredPatches.forDevice(body, twin));
        patches.ifPresent(p -> writeCloud(id, model.get(), p));
        long version = twin.desired().version();
        if (replace || patches.map(ModelPatches::hasDesired).orElse(true)) {
            Twin updated = replace ? twins.replaceDesired(id, desired) : twins.patchDesired(id, desired);
            version = updated.desired().version();
        }
        ObjectNode answer = DesiredPatches.accepted(desired, version);
        patches.ifPresent(p -> p.cloud().forEach((component, values) -> {
            ObjectNode target = component.isEmpty() ? answer : answer.has(component)
                    ? (ObjectNode) answer.get(component) : answer.putObject(component);
            target.setAll(values);
        }));
        call.json(202, answer);
    }

    private void writeComponent(ApiCall call, boolean replace) throws Exception {
        DeviceId id = call.deviceId();
        String component = call.pathParam("componentName");
        ObjectNode body = call.bodyObject();
        Twin twin = twins.get(id);
        Optional<DeviceModel> model = models.modelOf(id);
        if (model.isPresent() && model.get().component(component).isEmpty()) {
            throw DomainException.notFound("component '" + component + "' in the device's template");
        }
        ObjectNode content = body;
        if (model.isPresent()) {
            ModelPatches patches = ModelPatches.forComponent(model.get(), component, body);
            writeCloud(id, model.get(), patches);
            content = patches.desired();
        }
        ObjectNode patch = replace ? DesiredPatches.replacingComponent(component, content, twin)
                : DesiredPatches.forComponent(component, content);
        long version = twin.desired().version();
        if (replace || !content.isEmpty()) {
            version = twins.patchDesired(id, patch).desired().version();
        }
        call.json(202, DesiredPatches.accepted(Components.content(content), version));
    }

    private void writeCloud(DeviceId id, DeviceModel model, ModelPatches patches) {
        for (Map.Entry<String, ObjectNode> component : patches.cloud().entrySet()) {
            Optional<String> name = component.getKey().isEmpty() ? Optional.empty() : Optional.of(component.getKey());
            models.writeCloud(id, model, name, component.getValue(), name.map(n -> "/" + n).orElse(""));
        }
    }
}
