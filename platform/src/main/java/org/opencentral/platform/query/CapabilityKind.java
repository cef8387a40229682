package org.opencentral.platform.query;

/** What a name in a device template is, as far as queries care. */
public enum CapabilityKind {
    TELEMETRY,
    /** A reported (device) property, writable or not. */
    PROPERTY,
    /** An IoT Central cloud property. */
    CLOUD_PROPERTY,
    /** Not a telemetry or property of the template (commands are unknown too). */
    UNKNOWN;

    /** Whether queries over this capability are property queries. */
    public boolean isProperty() {
        return this == PROPERTY || this == CLOUD_PROPERTY;
    }

    /** "telemetry", "a property", "a cloud property": for error messages. */
    public String describe() {
        return switch (this) {
            case TELEMETRY -> "telemetry";
            case PROPERTY -> "a property";
            case CLOUD_PROPERTY -> "a cloud property";
            case UNKNOWN -> "unknown";
        };
    }
}
