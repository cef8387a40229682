package org.opencentral.core.export;

import java.util.Arrays;
import java.util.Optional;

/** What an export reads from the event log, by IoT Central's wire name. */
public enum ExportSource {
    TELEMETRY("telemetry"),
    PROPERTIES("properties"),
    DEVICE_LIFECYCLE("deviceLifecycle"),
    DEVICE_TEMPLATE_LIFECYCLE("deviceTemplateLifecycle"),
    DEVICE_CONNECTIVITY("deviceConnectivity"),
    AUDIT("audit");

    private final String wireName;

    ExportSource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ExportSource> of(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
