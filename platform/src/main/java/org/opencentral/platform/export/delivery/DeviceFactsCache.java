package org.opencentral.platform.export.delivery;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.platform.export.DeviceFacts;

/**
 * The {@link DeviceFacts} of devices, looked up once and kept until the log says they changed: every
 * pipe tells the cache of each event it reads ({@link #saw}) before it formats it, and a device's
 * lifecycle event (created, changed in any way, deleted) or a change of its reported or cloud
 * properties drops that device's facts; a template's lifecycle event drops them all (their template
 * display names and capability ids). Every change of what facts hold is such an event, recorded
 * after the store was written, so a pipe that reads an event after a change has dropped the facts
 * from before it, and facts looked up after that are current. A pipe behind the change may still get
 * the facts from before it, as of its events. Shared by the pipes of one runner; at most
 * {@value #MAX_DEVICES} devices are kept (all are dropped when more are seen).
 */
final class DeviceFactsCache {
    static final int MAX_DEVICES = 100_000;

    private final Function<DeviceId, DeviceFacts> lookup;
    private final Map<DeviceId, DeviceFacts> facts = new ConcurrentHashMap<>();

    DeviceFactsCache(Function<DeviceId, DeviceFacts> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The facts of the device, looked up if not kept. */
    DeviceFacts of(DeviceId device) {
        DeviceFacts kept = facts.get(device);
        if (kept != null) {
            return kept;
        }
        DeviceFacts read = lookup.apply(device);
        if (facts.size() >= MAX_DEVICES) {
            facts.clear();
        }
        facts.put(device, read);
        return read;
    }

    /** Drops what {@code event} may have changed. */
    void saw(PlatformEvent event) {
        switch (event) {
            case PlatformEvent.DeviceLifecycle l -> facts.remove(l.deviceId());
            case PlatformEvent.ReportedPropertiesUpdated r -> facts.remove(r.deviceId());
            case PlatformEvent.CloudPropertiesUpdated c -> facts.remove(c.deviceId());
            case PlatformEvent.TemplateLifecycle t -> facts.clear();
            case PlatformEvent.TelemetryReceived t -> {
            }
            case PlatformEvent.DesiredPropertiesUpdated d -> {
            }
            case PlatformEvent.DeviceConnected c -> {
            }
            case PlatformEvent.DeviceDisconnected d -> {
            }
            case PlatformEvent.AuditRecorded a -> {
            }
        }
    }
}
