package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.rule.Capability;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.template.CloudPropertyValue;

/**
 * What the rules read about a device besides its messages, cached per device and forgotten on the
 * events of the log that can change it, so that a message costs no query once its device is known:
 * its template (read again after a lifecycle event), whether it is a live member of a device group
 * (after a lifecycle event, a reported or cloud property change, a change of that group or of the
 * organizations), whether it matches a rule's filter (after a lifecycle event or a reported or
 * cloud property change), and its cloud property values (after a cloud property change or a lifecycle
 * event). The owner reports every event it reads to {@link #observed} before it evaluates the
 * event. Not thread-safe: the engine (or one replay) owns it.
 */
final class KnownDevices {
    static final String GROUPS = "/api/deviceGroups/";
    static final String ORGANIZATIONS = "/api/organizations";

    private final DeviceSources sources;
    private final Map<DeviceId, Optional<String>> templates = new HashMap<>();
    private final Map<DeviceId, Map<String, Boolean>> memberships = new HashMap<>();
    private final Map<DeviceId, Map<String, Boolean>> filtered = new HashMap<>();
    private final Map<DeviceId, Map<String, JsonNode>> cloud = new HashMap<>();

    KnownDevices(DeviceSources sources) {
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    Optional<Device> device(DeviceId device) {
        return sources.devices().find(device);
    }

    Optional<String> template(DeviceId device) {
        return templates.computeIfAbsent(device, id -> sources.devices().find(id).flatMap(Device::template));
    }

    /**
     * Whether the rule applies to the device of its template: always, or while it is a member of the
     * rule's group and matches the rule's filter.
     */
    boolean covers(Rule rule, DeviceId device) {
        return (rule.group().isEmpty() || inGroup(rule.group().get(), device))
                && (rule.filter().isEmpty() || matches(rule.filter().get(), device));
    }

    /** Whether the device matches a rule's filter now. */
    boolean matches(String filter, DeviceId device) {
        return filtered.computeIfAbsent(device, d -> new HashMap<>())
                .computeIfAbsent(filter, f -> sources.groups().matches(f, device));
    }

    /** Whether the device is a member of the group now (false when the group does not exist). */
    boolean inGroup(String group, DeviceId device) {
        return memberships.computeIfAbsent(device, d -> new HashMap<>())
                .computeIfAbsent(group, g -> sources.groups().isMember(g, device));
    }

    /** The device's current value of a cloud property, if it has one. */
    Optional<JsonNode> cloudProperty(DeviceId device, Capability property) {
        Map<String, JsonNode> values = cloud.computeIfAbsent(device, d -> {
            Map<String, JsonNode> read = new HashMap<>();
            for (CloudPropertyValue value : sources.cloudProperties().list(d)) {
                read.put(key(value.component(), value.name()), value.value());
            }
            return read;
        });
        return Optional.ofNullable(values.get(key(property.component().orElse(""), property.name())));
    }

    /** Forgets what {@code event} can have changed. */
    void observed(PlatformEvent event) {
        switch (event) {
            case PlatformEvent.DeviceLifecycle l -> forget(l.deviceId());
            case PlatformEvent.ReportedPropertiesUpdated r -> {
                memberships.remove(r.deviceId());
                filtered.remove(r.deviceId());
            }
            case PlatformEvent.CloudPropertiesUpdated c -> {
                memberships.remove(c.deviceId());
                filtered.remove(c.deviceId());
                cloud.remove(c.deviceId());
            }
            case PlatformEvent.AuditRecorded a -> audited(a.entry().path("target").asText());
            case PlatformEvent.TelemetryReceived t -> { }
            case PlatformEvent.DesiredPropertiesUpdated d -> { }
            case PlatformEvent.DeviceConnected c -> { }
            case PlatformEvent.DeviceDisconnected d -> { }
            case PlatformEvent.TemplateLifecycle t -> { }
        }
    }

    void clear() {
        templates.clear();
        memberships.clear();
        filtered.clear();
        cloud.clear();
    }

    /** A change made through the API: a device group's, or the organizations' (which move subtrees). */
    private void audited(String target) {
        if (target.startsWith(GROUPS)) {
            String group = target.substring(GROUPS.length());
            memberships.values().forEach(groups -> groups.remove(group));
        } else if (target.startsWith(ORGANIZATIONS)) {
            memberships.clear();
        }
    }

    private void forget(DeviceId device) {
        templates.remove(device);
        memberships.remove(device);
        filtered.remove(device);
        cloud.remove(device);
    }

    private static String key(String component, String name) {
        return component + "/" + name;
    }
}
