package org.opencentral.platform.dashboard;

import java.time.Clock;
import java.util.Objects;
import org.opencentral.core.store.CloudPropertyStore;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.core.store.TelemetryIssueStore;
import org.opencentral.core.store.TwinStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.ingest.MessageRate;

/**
 * Where tile data comes from: group membership, the telemetry store, last values, twins, cloud
 * properties, issues, the message rate.
 */
public record TileSources(DeviceGroupService groups, TelemetryStore telemetry, LastValueStore lastValues,
        TwinStore twins, CloudPropertyStore cloudProperties, TelemetryIssueStore issues, MessageRate messages,
        Clock clock) {
    public TileSources {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(lastValues, "lastValues");
        Objects.requireNonNull(twins, "twins");
        Objects.requireNonNull(cloudProperties, "cloudProperties");
        Objects.requireNonNull(issues, "issues");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(clock, "clock");
    }
}
