package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.twin.Twin;
import org.opencentral.platform.twin.TwinService;

/** Device and component properties: GET 200 (DeviceProperties), PUT/PATCH 202 (desired writes). */
public final class PropertyHandlers {
    private final TwinService twins;

    public PropertyHandlers(TwinService twins) {
        this.twins = twins;
    }

    public void get(ApiCall call) {
        call.json(200, DevicePropertiesView.of(twins.get(call.deviceId())));
    }

    public void patch(ApiCall call) throws Exception {
        DeviceId id = call.deviceId();
        ObjectNode body = call.bodyObject();
        ObjectNode patch = DesiredPatches.forDevice(body, twins.get(id));
        Twin updated = twins.patchDesired(id, patch);
        call.json(202, DesiredPatches.accepted(patch, updated.desired().version()));
    }

    public void put(ApiCall call) throws Exception {
        DeviceId id = call.deviceId();
        ObjectNode body = call.bodyObject();
        ObjectNode desired = DesiredPatches.forDevice(body, twins.get(id));
        Twin updated = twins.replaceDesired(id, desired);
        call.json(202, DesiredPatches.accepted(desired, updated.desired().version()));
    }

    public void getComponent(ApiCall call) {
        String component = call.pathParam("componentName");
        ObjectNode view = DevicePropertiesView.component(twins.get(call.deviceId()), component)
                .orElseThrow(() -> DomainException.notFound("component '" + component + "' (it is a property)"));
        call.json(200, view);
    }

    public void patchComponent(ApiCall call) throws Exception {
        DeviceId id = call.deviceId();
        String component = call.pathParam("componentName");
        ObjectNode body = call.bodyObject();
        twins.get(id);
        Twin updated = twins.patchDesired(id, DesiredPatches.forComponent(component, body));
        call.json(202, DesiredPatches.accepted(Components.content(body), updated.desired().version()));
    }

    public void putComponent(ApiCall call) throws Exception {
        DeviceId id = call.deviceId();
        String component = call.pathParam("componentName");
        ObjectNode body = call.bodyObject();
        ObjectNode patch = DesiredPatches.replacingComponent(component, body, twins.get(id));
        Twin updated = twins.patchDesired(id, patch);
        call.json(202, DesiredPatches.accepted(Components.content(body), updated.desired().version()));
    }
}
