package org.opencentral.platform.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * A device-to-cloud message as a transport decoded it: the body and the property bag split into
 * system properties (by long name: messageId, contentType, ... ) and application properties.
 * {@code body} is handed over, not copied, to the event it becomes
 * ({@link org.opencentral.core.event.PlatformEvent.TelemetryReceived}): build it fresh, never change it.
 */
public record TelemetryMessage(Optional<String> component, Map<String, String> applicationProperties,
        Map<String, String> systemProperties, byte[] body) {
    public TelemetryMessage {
        applicationProperties = Map.copyOf(applicationProperties);
        systemProperties = Map.copyOf(systemProperties);
    }
}
