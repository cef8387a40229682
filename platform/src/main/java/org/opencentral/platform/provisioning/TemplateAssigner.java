package org.opencentral.platform.provisioning;

import java.util.Optional;

/**
 * The hook to device templates: which published template has this model id. Until templates exist
 * the platform uses {@link #NONE} and only records the model id on the device.
 */
@FunctionalInterface
public interface TemplateAssigner {
    TemplateAssigner NONE = modelId -> Optional.empty();

    Optional<String> templateFor(String modelId);
}
