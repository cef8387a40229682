package org.opencentral.transport.internal.topic;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded property bag: the component ({@code $.sub}), system properties by their long names
 * (messageId, correlationId, contentType, ...) and application properties.
 */
public record PropertyBag(Optional<String> component, Map<String, String> systemProperties,
        Map<String, String> applicationProperties) {
    public static final PropertyBag EMPTY = new PropertyBag(Optional.empty(), Map.of(), Map.of());

    public PropertyBag {
        Objects.requireNonNull(component, "component");
        systemProperties = Map.copyOf(systemProperties);
        applicationProperties = Map.copyOf(applicationProperties);
    }
}
