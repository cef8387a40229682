package org.opencentral.platform.query.service;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.platform.query.CapabilityCatalog;
import org.opencentral.platform.query.CapabilityKind;
import org.opencentral.platform.query.ValueShape;
import org.opencentral.platform.template.TemplateService;

/** Capability kinds, components and value shapes from the templates' DTDL models. */
public final class TemplateCatalog implements CapabilityCatalog {
    private final TemplateService templates;

    public TemplateCatalog(TemplateService templates) {
        this.templates = Objects.requireNonNull(templates);
    }

    @Override
    public boolean templateExists(String templateId) {
        return templates.find(templateId).isPresent();
    }

    @Override
    public CapabilityKind kindOf(String templateId, Optional<String> component, String name) {
        Optional<DeviceModel> model = templates.find(templateId).flatMap(templates::model);
        if (model.isEmpty()) {
            return CapabilityKind.UNKNOWN;
        }
        if (model.get().telemetry(component, name).isPresent()) {
            return CapabilityKind.TELEMETRY;
        }
        return model.get().property(component, name)
                .map(p -> p.iotc().cloud() ? CapabilityKind.CLOUD_PROPERTY : CapabilityKind.PROPERTY)
                .orElse(CapabilityKind.UNKNOWN);
    }

    @Override
    public boolean hasComponent(String templateId, String name) {
        return templates.find(templateId).flatMap(templates::model).flatMap(m -> m.component(name)).isPresent();
    }

    @Override
    public ValueShape shapeOf(String templateId, Optional<String> component, String name) {
        return templates.find(templateId).flatMap(templates::model).flatMap(m -> m.schema(component, name))
                .map(SchemaShapes::of).orElse(ValueShape.SCALAR);
    }
}
