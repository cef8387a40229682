package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.Json;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.core.twin.Twin;
import org.opencentral.dtdl.model.DeviceModel;

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
                twin.desired().properties(), twin.desired().metadata(), twin.desired().version()), true, Set.of(), false);
    }

    /**
     * The whole device as its template sees it: members named like a model component are components
     * (marked or not), and cloud property values appear beside the device's properties.
     */
    public static ObjectNode of(Twin twin, DeviceModel model, List<CloudPropertyValue> cloud) {
        Set<String> components = new HashSet<>();
        model.components().forEach(c -> components.add(c.name()));
        ObjectNode view = level(new Sections(twin.reported().properties(), twin.reported().metadata(),
                twin.desired().properties(), twin.desired().metadata(), twin.desired().version()), true, components, true);
        CloudValues.addTo(view, cloud, Optional.empty());
        return view;
    }

    /** One component as its template sees it; empty (404) if the model has no such component. */
    public static Optional<ObjectNode> component(Twin twin, String name, DeviceModel model,
            List<CloudPropertyValue> cloud) {
        if (model.component(name).isEmpty()) {
            return Optional.empty();
        }
        ObjectNode view = level(Sections.of(twin, name), false, Set.of(), true);
        CloudValues.addTo(view, cloud, Optional.of(name));
        return Optional.of(view);
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
        return Optional.of(level(Sections.of(twin, name), false, Set.of(), false));
    }

    /** {@code states}: add the writable state (a template says which properties are writable). */
    private static ObjectNode level(Sections s, boolean allowComponents, Set<String> modelComponents,
            boolean states) {
        ObjectNode out = Json.object();
        ObjectNode metadata = Json.object();
        for (String name : names(s)) {
            JsonNode reported = s.reported().get(name);
            JsonNode desired = s.desired().get(name);
            if (allowComponents && (Components.isComponent(reported) || Components.isComponent(desired)
                    || modelComponents.contains(name))) {
                out.set(name, level(s.child(name), false, Set.of(), states));
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
            Optional<Long> desiredVersion = Optional.empty();
            if (desired != null) {
                meta.set("desiredValue", desired);
                desiredVersion = Optional.of(s.desiredMeta().path(name).path("$lastUpdatedVersion")
                        .asLong(s.desiredVersion()));
                meta.put("desiredVersion", desiredVersion.get());
            }
            Optional<Ack> ack = reported == null ? Optional.empty() : Ack.of(reported);
            if (states) {
                WritableState.of(desiredVersion, ack).ifPresent(state -> meta.put("state", state.json()));
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
