package org.opencentral.core.store;

import java.util.Optional;
import org.opencentral.core.template.DeviceTemplate;

/** Published device templates, keyed by their DTMI. */
public interface TemplateStore {
    Optional<DeviceTemplate> find(String id);

    /** The template whose capability model has this {@code @id} (oldest first if several). */
    Optional<DeviceTemplate> findByModelId(String modelId);

    /** Inserts a template, keeping its etag (a fresh one if blank); CONFLICT if the id exists. */
    DeviceTemplate insert(DeviceTemplate template);

    /**
     * Replaces a template if its stored etag equals {@code expectedEtag}: a fresh etag is stored when
     * the given one equals {@code expectedEtag}. PRECONDITION_FAILED on a mismatch, NOT_FOUND if absent.
     */
    DeviceTemplate update(DeviceTemplate template, String expectedEtag);

    /** Deletes a template; false if there was none, CONFLICT while a device is assigned to it. */
    boolean delete(String id);

    /** Templates ordered by id, starting after {@code afterId} (exclusive). */
    Page<DeviceTemplate> list(Optional<String> afterId, int limit);

    /** How many devices are assigned to the template. */
    long deviceCount(String id);
}
