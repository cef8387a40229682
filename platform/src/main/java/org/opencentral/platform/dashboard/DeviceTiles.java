package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.LastValue;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.core.template.TelemetryIssue;
import org.opencentral.core.twin.Twin;
import org.opencentral.platform.ingest.MessageRate;
import org.opencentral.platform.organization.AccessScope;

/**
 * Tiles answered from the devices' current state rather than from history: last known values,
 * reported and cloud properties, locations (a {@code geopoint} telemetry's last value, or a reported
 * property, as {@code {lat, lon}}), device counts, the message rate and the newest telemetry issues.
 */
final class DeviceTiles {
    /** The most devices whose values an lkv or property tile lists. */
    static final int LISTED = 100;
    static final int ISSUES = 10;

    private final TileSources sources;

    DeviceTiles(TileSources sources) {
        this.sources = sources;
    }

    /** {@code values}: per capability and device (the first {@value #LISTED}), the last value and its time. */
    ObjectNode lastValues(JsonNode configuration, List<String> devices) {
        ObjectNode data = Json.object();
        ArrayNode values = data.putArray("values");
        List<String> listed = devices.subList(0, Math.min(LISTED, devices.size()));
        for (JsonNode capability : configuration.path("capabilities")) {
            Map<DeviceId, LastValue> last = lastValues(listed, capability);
            for (String device : listed) {
                Optional.ofNullable(last.get(DeviceId.of(device))).ifPresent(value -> values.addObject()
                        .put("capability", capability.path("capability").asText()).put("device", device)
                        .put("time", value.timestamp().toString()).set("value", value.value()));
            }
        }
        return data;
    }

    /**
     * {@code values}: per capability and device (the first {@value #LISTED}), the reported property,
     * or the cloud property of that name ({@code value} left out when the device has neither, so that
     * a writable one can still be set from the tile).
     */
    ObjectNode properties(JsonNode configuration, List<String> devices) {
        ObjectNode data = Json.object();
        ArrayNode values = data.putArray("values");
        Map<String, List<CloudPropertyValue>> cloud = new HashMap<>();
        for (JsonNode capability : configuration.path("capabilities")) {
            String[] path = path(capability);
            for (String device : devices.subList(0, Math.min(LISTED, devices.size()))) {
                ObjectNode one = values.addObject().put("capability", capability.path("capability").asText())
                        .put("device", device);
                reported(device, capability).or(() -> cloud.computeIfAbsent(device,
                        d -> sources.cloudProperties().list(DeviceId.of(d))).stream()
                        .filter(v -> v.component().equals(path[0]) && v.name().equals(path[1]))
                        .map(CloudPropertyValue::value).findFirst())
                        .ifPresent(value -> one.set("value", value));
            }
        }
        return data;
    }

    /** {@code locations}: each device's position from its first capability that holds a {@code {lat, lon}}. */
    ObjectNode locations(JsonNode configuration, List<String> devices, boolean telemetry) {
        ObjectNode data = Json.object();
        ArrayNode locations = data.putArray("locations");
        List<Map<DeviceId, LastValue>> last = new ArrayList<>();
        if (telemetry) {
            configuration.path("capabilities").forEach(capability -> last.add(lastValues(devices, capability)));
        }
        for (String device : devices) {
            int index = 0;
            for (JsonNode capability : configuration.path("capabilities")) {
                Optional<JsonNode> value = telemetry
                        ? Optional.ofNullable(last.get(index++).get(DeviceId.of(device))).map(LastValue::value)
                        : reported(device, capability);
                if (value.isPresent() && value.get().path("lat").isNumber() && value.get().path("lon").isNumber()) {
                    locations.addObject().put("device", device).put("lat", value.get().path("lat").asDouble())
                            .put("lon", value.get().path("lon").asDouble());
                    break;
                }
            }
        }
        return data;
    }

    /** {@code count}: the devices of the tile's group (none: all) in the caller's scope, connected ones only if asked. */
    ObjectNode count(JsonNode configuration, AccessScope groupScope, AccessScope deviceScope) {
        Optional<String> group = configuration.path("group").isTextual()
                ? Optional.of(configuration.path("group").asText()) : Optional.empty();
        long count = group.isPresent() && sources.groups().find(group.get(), groupScope).isEmpty() ? 0
                : sources.groups().count(group, configuration.path("connected").asBoolean(false), groupScope,
                        deviceScope);
        return Json.object().put("count", count);
    }

    /** {@code points}: messages accepted per minute over the last hour, {@code [epoch ms, messages]}. */
    ObjectNode messageRate() {
        ObjectNode data = Json.object();
        ArrayNode points = data.putArray("points");
        for (MessageRate.Minute minute : sources.messages().last(MessageRate.MINUTES)) {
            points.addArray().add(minute.start().toEpochMilli()).add(minute.messages());
        }
        return data;
    }

    /** {@code issues}: the newest unmodeled or invalid telemetry of the devices in the caller's scope. */
    ObjectNode issues(AccessScope deviceScope) {
        ObjectNode data = Json.object();
        ArrayNode issues = data.putArray("issues");
        Optional<Set<String>> organizations = deviceScope.everywhere() ? Optional.empty()
                : Optional.of(deviceScope.organizations());
        for (TelemetryIssue issue : sources.issues().newest(organizations, ISSUES)) {
            issues.addObject().put("device", issue.deviceId().value()).put("component", issue.component())
                    .put("name", issue.name()).put("kind", issue.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("reason", issue.reason()).put("count", issue.count())
                    .put("lastSeen", issue.lastSeen().toString());
        }
        return data;
    }

    /** The capability's last value of each of {@code devices} that has one: one batched read. */
    private Map<DeviceId, LastValue> lastValues(List<String> devices, JsonNode capability) {
        String[] path = path(capability);
        return sources.lastValues().find(devices.stream().map(DeviceId::of).toList(), path[0], path[1]);
    }

    private Optional<JsonNode> reported(String device, JsonNode capability) {
        String[] path = path(capability);
        return sources.twins().find(DeviceId.of(device)).map(Twin::reported).map(r -> {
            JsonNode properties = r.properties();
            return path[0].isEmpty() ? properties.path(path[1]) : properties.path(path[0]).path(path[1]);
        }).filter(v -> !v.isMissingNode());
    }

    /** {@code component/name} split in two; the component is empty when the capability has none. */
    private static String[] path(JsonNode capability) {
        String path = capability.path("capability").asText();
        int slash = path.indexOf('/');
        return slash < 0 ? new String[] {"", path} : new String[] {path.substring(0, slash), path.substring(slash + 1)};
    }
}
