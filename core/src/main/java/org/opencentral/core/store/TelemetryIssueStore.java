package org.opencentral.core.store;

import java.util.Collection;
import java.util.List;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.template.TelemetryIssue;

/** Unmodeled and invalid telemetry per device, kept by a consumer of the event log. */
public interface TelemetryIssueStore {
    /**
     * Adds occurrences in one transaction: counts are summed per device, component, name and kind;
     * the last value, reason and time follow the latest occurrence. Devices that no longer exist
     * are skipped.
     */
    void record(Collection<TelemetryIssue> occurrences);

    /** The device's issues ordered by kind, component and name. */
    List<TelemetryIssue> list(DeviceId id);

    /**
     * The most recently seen issues of every device, newest first, at most {@code limit}; within
     * {@code organizations} when present (devices of the application root then never count).
     */
    List<TelemetryIssue> newest(java.util.Optional<java.util.Set<String>> organizations, int limit);
}
