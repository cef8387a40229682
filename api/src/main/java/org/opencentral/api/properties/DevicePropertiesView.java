package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.Json;
import org.opencentral.core.twin.Twin;

/**
 * A twin as IoT Central's DeviceProperties: reported values by name, components as nested objects
 * (their {@code __t} marker removed), and {@code $metadata} per property with {@code lastUpdateTime}
 * (from the reported {@code $metadata}), {@code desiredValue}/{@code desiredVersion} (when a desired
 * value exists) and {@code ackCode}/{@code ackVersion}/{@code ackDescription} (when the device
 * acknowledged with the Plug and Play ack form; the reported value is then the ack's {@code value}).
 * Pure functions of the twin.
 */
public final class DevicePropertiesView {
    private DevicePropertiesView() {
    }

    /** The whole device: default-component properties at the top, components nested. */
    public static ObjectNode of(Twin twin) {
        return level(new Sections(twin.reported().properties(), twin.reported().metadata(),
                twin.desired().properties(), twin.desired().metadata(), twin.desired().version()), true);
    }

    /**
     * One component's properties; an empty view if the twin knows nothing of it yet, and empty
     * (so the caller answers 404) if the name is a plain property rather than a component.
     */
    public static Optional<ObjectNode> component(Twin twin, String name) {
        JsonNode reported = twin.reported().properties().get(name);
        JsonNode desired = twin.desired().properties().get(name);
        boolean known = reported != null || desired != null;
        if (known && !Components.isComponent(reported) && !Components.isComponent(desired)) {
            return Optional.empty();
        }
        return Optional.of(level(Sections.of(twin, name), false));
    }

    private static ObjectNode level(Sections s, boolean allowComponents) {
        ObjectNode out = Json.object();
        ObjectNode metadata = Json.object();
        for (String name : names(s)) {
            JsonNode reported = s.reported().get(name);
            JsonNode desired = s.desired().get(name);
            if (allowComponents && (Components.isComponent(reported) || Components.isComponent(desired))) {
                out.set(name, level(s.child(name), false));
                continue;
            }
            ObjectNode meta = Json.object();
            if (reported != null) {
                Optional<Ack> ack = Ack.of(reported);
                out.set(name, ack.map(Ack::value).orElse(reported));
                JsonNode updated = s.reportedMeta().path(name).path("$lastUpdated");
                if (updated.isTextual()) {
                    meta.put("lastUpdateTime", updated.asText());
                }
                ack.ifPresent(a -> putAck(meta, a));
            }
            if (desired != null) {
                meta.set("desiredValue", desired);
                meta.put("desiredVersion", s.desiredMeta().path(name).path("$lastUpdatedVersion")
                        .asLong(s.desiredVersion()));
            }
            if (!meta.isEmpty()) {
                metadata.set(name, meta);
            }
        }
        if (!metadata.isEmpty()) {
            out.set("$metadata", metadata);
        }
        return out;
    }

    private static void putAck(ObjectNode meta, Ack ack) {
        meta.put("ackCode", ack.code());
        ack.version().ifPresent(v -> meta.put("ackVersion", v));
        ack.description().ifPresent(d -> meta.put("ackDescription", d));
    }

    private static Set<String> names(Sections s) {
        Set<String> names = new LinkedHashSet<>();
        s.reported().fieldNames().forEachRemaining(names::add);
        s.desired().fieldNames().forEachRemaining(names::add);
        names.remove(Components.MARKER);
        return names;
    }

    /** The reported and desired trees (values and metadata) at one level of the twin. */
    private record Sections(ObjectNode reported, ObjectNode reportedMeta, ObjectNode desired, ObjectNode desiredMeta,
            long desiredVersion) {
        static Sections of(Twin twin, String component) {
            return new Sections(twin.reported().properties(), twin.reported().metadata(),
                    twin.desired().properties(), twin.desired().metadata(), twin.desired().version()).child(component);
        }

        Sections child(String name) {
            return new Sections(Components.content(reported.get(name)), Components.content(reportedMeta.get(name)),
                    Components.content(desired.get(name)), Components.content(desiredMeta.get(name)), desiredVersion);
        }
    }
}
