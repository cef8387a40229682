package org.opencentral.platform.template;

import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plug and Play assignment: a device that announces a model id and has no template yet is assigned
 * the template with that id (or whose capability model has that id), imported from the local model
 * folder when none is published. Without a match the device stays unassigned. A device already
 * assigned (by the API, or earlier) keeps its template. Blocking: call from virtual threads.
 */
public final class TemplateAssignment {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateAssignment.class);

    private final TemplateService templates;
    private final DeviceRegistry devices;

    public TemplateAssignment(TemplateService templates, DeviceRegistry devices) {
        this.templates = templates;
        this.devices = devices;
    }

    /** The template for a model id: published, or imported from the model folder; empty otherwise. */
    public Optional<DeviceTemplate> templateFor(String modelId) {
        Optional<DeviceTemplate> published = templates.findForModel(modelId);
        if (published.isPresent()) {
            return published;
        }
        try {
            return templates.importFromRepository(modelId);
        } catch (ModelInvalidException e) {
            LOG.warn("model {} in the model folder is invalid and was not imported: {}", modelId, e.getMessage());
            return Optional.empty();
        }
    }

    /** Assigns the announced model's template to an unassigned device; returns the device's template. */
    public Optional<String> onConnected(DeviceId id, Optional<String> modelId) {
        Optional<Device> device = devices.find(id);
        if (device.isEmpty() || device.get().template().isPresent() || modelId.isEmpty()) {
            return device.flatMap(Device::template);
        }
        Optional<DeviceTemplate> template = templateFor(modelId.get());
        if (template.isEmpty()) {
            LOG.debug("device {} announced model {} without a template; it stays unassigned", id, modelId.get());
            return Optional.empty();
        }
        try {
            devices.update(id, new DeviceChanges(Optional.empty(), Optional.of(template.get().id()),
                    Optional.empty(), Optional.empty()), Optional.empty());
            LOG.info("device {} assigned template {} (announced model {})", id, template.get().id(), modelId.get());
        } catch (DomainException e) {
            LOG.warn("device {} could not be assigned template {}: {}", id, template.get().id(), e.getMessage());
        }
        return Optional.of(template.get().id());
    }
}
