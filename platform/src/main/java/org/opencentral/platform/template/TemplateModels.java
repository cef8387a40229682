package org.opencentral.platform.template;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.dtdl.model.DeviceModel;

/**
 * Compiled models of stored templates, cached by template id and etag (a changed template has a new
 * etag, so a stale entry is never used, on this node or another). Thread-safe.
 */
final class TemplateModels {
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String id, String etag) {
    }

    private final Map<Key, Optional<DeviceModel>> cache = new ConcurrentHashMap<>();

    Optional<DeviceModel> of(DeviceTemplate template) {
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        return cache.computeIfAbsent(new Key(template.id(), template.etag()),
                key -> TemplateCompiler.load(template.capabilityModel()));
    }

    void forget(String id) {
        cache.keySet().removeIf(key -> key.id().equals(id));
    }
}
