package org.opencentral.transport.internal.topic;

import java.util.Objects;
import java.util.OptionalLong;

/** What a device's PUBLISH means, decided from its topic by the {@link TopicTable}. */
public sealed interface DeviceMessage {
    /** {@code devices/{id}/messages/events/{bag}}. */
    record Telemetry(PropertyBag properties) implements DeviceMessage {
        public Telemetry {
            Objects.requireNonNull(properties, "properties");
        }
    }

    /** {@code $iothub/twin/GET/?$rid={rid}}. */
    record TwinGet(String rid) implements DeviceMessage {
        public TwinGet {
            Objects.requireNonNull(rid, "rid");
        }
    }

    /** {@code $iothub/twin/PATCH/properties/reported/?$rid={rid}[&$version={base}]}. */
    record ReportedPatch(String rid, OptionalLong baseVersion) implements DeviceMessage {
        public ReportedPatch {
            Objects.requireNonNull(rid, "rid");
            Objects.requireNonNull(baseVersion, "baseVersion");
        }
    }

    /** {@code $iothub/methods/res/{status}/?$rid={rid}}. */
    record MethodResponse(String rid, int status) implements DeviceMessage {
        public MethodResponse {
            Objects.requireNonNull(rid, "rid");
        }
    }

    /** DPS: {@code $dps/registrations/PUT/iotdps-register/?$rid={rid}}. */
    record ProvisioningRegister(String rid) implements DeviceMessage {
        public ProvisioningRegister {
            Objects.requireNonNull(rid, "rid");
        }
    }

    /** DPS: {@code $dps/registrations/GET/iotdps-get-operationstatus/?$rid={rid}&operationId={id}}. */
    record ProvisioningStatus(String rid, String operationId) implements DeviceMessage {
        public ProvisioningStatus {
            Objects.requireNonNull(rid, "rid");
            Objects.requireNonNull(operationId, "operationId");
        }
    }

    /** A topic this device may not publish to (another device's, unknown, module, malformed). */
    record Forbidden(String reason) implements DeviceMessage {
        public Forbidden {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
