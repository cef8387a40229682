package org.opencentral.platform.template;

import java.util.Objects;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.dtdl.model.DeviceModel;

/** A template with its compiled model. */
public record TemplateModel(DeviceTemplate template, DeviceModel model) {
    public TemplateModel {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(model, "model");
    }
}
