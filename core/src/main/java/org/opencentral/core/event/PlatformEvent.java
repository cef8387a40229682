package org.opencentral.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/**
 * A fact that entered the platform. Every event is appended to the {@link EventLog} before it is
 * acknowledged, and every consumer (telemetry index, rules, exports, live views) reads it from there.
 */
public sealed interface PlatformEvent {
    /** When the platform accepted the fact (IoT Hub's enqueued time). */
    Instant time();

    /** A fact about one device. */
    sealed interface DeviceEvent extends PlatformEvent {
        DeviceId deviceId();
    }

    /**
     * A change made through the API was written to the audit log (sequence {@code auditSequence} of
     * the audit store). {@code entry} is the audit entry as JSON (actor, action, target, before, after),
     * never holding secrets.
     */
    record AuditRecorded(Instant time, long auditSequence, ObjectNode entry) implements PlatformEvent {
        public AuditRecorded {
            Objects.requireNonNull(time, "time");
            entry = entry.deepCopy();
        }

        @Override
        public ObjectNode entry() {
            return entry.deepCopy();
        }
    }

    /**
     * A device-to-cloud message. {@code body} is kept byte for byte; {@code component} comes from the
     * {@code $.sub} system property; {@code systemProperties} holds the other {@code $.x} properties
     * by their long names (messageId, correlationId, contentType, contentEncoding, ...).
     *
     * <p>The event owns {@code body}: the array is handed over, not copied, and {@link #body()} returns
     * it, not a copy — whoever builds the event and whoever reads it must not change it (every
     * transport builds it fresh out of its buffers; the event log and the consumers only read it).
     * Two defensive copies per message were a quarter of the event loops' allocation at ingest.
     */
    record TelemetryReceived(DeviceId deviceId, Instant time, Optional<String> component,
            Map<String, String> applicationProperties, Map<String, String> systemProperties, byte[] body)
            implements DeviceEvent {
        public TelemetryReceived {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(component, "component");
            applicationProperties = Map.copyOf(applicationProperties);
            systemProperties = Map.copyOf(systemProperties);
            Objects.requireNonNull(body, "body");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TelemetryReceived t && deviceId.equals(t.deviceId) && time.equals(t.time)
                    && component.equals(t.component) && applicationProperties.equals(t.applicationProperties)
                    && systemProperties.equals(t.systemProperties) && Arrays.equals(body, t.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceId, time, component, applicationProperties, systemProperties,
                    Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "TelemetryReceived[" + deviceId + ", " + time + ", " + body.length + " bytes]";
        }
    }

    /** The device patched its reported properties; {@code version} is the reported section's new version. */
    record ReportedPropertiesUpdated(DeviceId deviceId, Instant time, ObjectNode patch, long version)
            implements DeviceEvent {
        public ReportedPropertiesUpdated {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(time, "time");
            patch = patch.deepCopy();
        }

        @Override
        public ObjectNode patch() {
            return patch.deepCopy();
        }
    }

    /** The service patched the desired properties; {@code version} is the desired section's new version. */
    record DesiredPropertiesUpdated(DeviceId deviceId, Instant time, ObjectNode patch, long version)
            implements DeviceEvent {
        public DesiredPropertiesUpdated {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(time, "time");
            patch = patch.deepCopy();
        }

        @Override
        public ObjectNode patch() {
            return patch.deepCopy();
        }
    }

    /**
     * Cloud property values of a device were written (through the API; the platform keeps them and
     * never sends them to the device). {@code component} is empty for the default component;
     * {@code patch} holds the members written, as stored (normalized to their schema), and
     * {@code null} for each member removed. Cloud properties have no version.
     */
    record CloudPropertiesUpdated(DeviceId deviceId, Instant time, Optional<String> component, ObjectNode patch)
            implements DeviceEvent {
        public CloudPropertiesUpdated {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(component, "component");
            patch = patch.deepCopy();
        }

        @Override
        public ObjectNode patch() {
            return patch.deepCopy();
        }
    }

    /** A device's connection was accepted. */
    record DeviceConnected(DeviceId deviceId, Instant time) implements DeviceEvent {
        public DeviceConnected {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(time, "time");
        }
    }

    /** A device's connection ended, for {@code reason} (client disconnect, keep-alive, error, replaced). */
    record DeviceDisconnected(DeviceId deviceId, Instant time, String reason) implements DeviceEvent {
        public DeviceDisconnected {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The registry record of a device was created, changed or deleted. */
    record DeviceLifecycle(DeviceId deviceId, Instant time, Change change) implements DeviceEvent {
        public enum Change { CREATED, UPDATED, DELETED }

        public DeviceLifecycle {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * A device template was published, changed (display name, description, cloud properties) or
     * deleted. {@code etag} is the template's etag after the change as the platform stores it
     * (quoted, like an HTTP {@code ETag} header), so that a reader can tell which state of the
     * template it describes; a deleted template has none. Not about a device.
     */
    record TemplateLifecycle(String templateId, Instant time, Change change, Optional<String> etag)
            implements PlatformEvent {
        public enum Change { CREATED, UPDATED, DELETED }

        public TemplateLifecycle {
            Objects.requireNonNull(templateId, "templateId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(etag, "etag");
            if (templateId.isBlank()) {
                throw new IllegalArgumentException("a template id must not be blank");
            }
            if (etag.isPresent() == (change == Change.DELETED)) {
                throw new IllegalArgumentException(change == Change.DELETED
                        ? "a deleted template has no etag" : "a created or updated template has an etag");
            }
        }
    }
}
