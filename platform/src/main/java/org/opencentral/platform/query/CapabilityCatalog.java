package org.opencentral.platform.query;

import java.util.Optional;

/**
 * What the analyzer needs to know about device templates. The platform implements it over its
 * template store; tests use a map. Implementations must be cheap and side-effect free: the
 * analyzer calls them once per name in the query.
 */
public interface CapabilityCatalog {

    /** Whether a device template with this id exists. */
    boolean templateExists(String templateId);

    /**
     * The kind of {@code name} in the template, in the given component (empty: the root interface).
     * {@link CapabilityKind#UNKNOWN} when the template has no such telemetry or property.
     */
    CapabilityKind kindOf(String templateId, Optional<String> component, String name);

    /** Whether the template's root interface has a component of this name. */
    default boolean hasComponent(String templateId, String name) {
        return false;
    }

    /**
     * The shape of the value of a telemetry or property that {@link #kindOf} knows; called only for
     * those. Catalogs that know no schemas answer {@link ValueShape#SCALAR}.
     */
    default ValueShape shapeOf(String templateId, Optional<String> component, String name) {
        return ValueShape.SCALAR;
    }
}
