package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.templates.TemplateServices;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.platform.device.DeviceRegistry;

/** The template knowledge the property routes use; a device without a template is unmodeled. */
public final class PropertyModels {
    private final DeviceRegistry devices;
    private final TemplateServices templates;

    public PropertyModels(DeviceRegistry devices, TemplateServices templates) {
        this.devices = devices;
        this.templates = templates;
    }

    Optional<DeviceModel> modelOf(DeviceId id) {
        return templates.modelOf(devices, id).map(m -> m.model());
    }

    List<CloudPropertyValue> cloudValues(DeviceId id) {
        return templates.cloudProperties().of(id);
    }

    void writeCloud(DeviceId id, DeviceModel model, Optional<String> component, ObjectNode members, String pointer) {
        if (!members.isEmpty()) {
            templates.cloudProperties().write(id, model, component, members, pointer);
        }
    }
}
