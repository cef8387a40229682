package org.opencentral.dtdl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IoT Central extras of a Telemetry or Property: its IoT Central co-types, the initial value
 * of an {@code Initialized} property and the severity of an {@code Event}.
 */
public record IotcTraits(List<IotcAdjunct> adjuncts, Optional<JsonNode> initialValue, Optional<String> severity) {

    private static final IotcTraits NONE = new IotcTraits(List.of(), Optional.empty(), Optional.empty());

    public IotcTraits {
        adjuncts = adjuncts.stream().distinct().sorted().toList();
        initialValue = Objects.requireNonNull(initialValue, "initialValue").map(JsonNode::deepCopy);
        Objects.requireNonNull(severity, "severity");
    }

    public static IotcTraits none() {
        return NONE;
    }

    public boolean has(IotcAdjunct adjunct) {
        return adjuncts.contains(adjunct);
    }

    /** A cloud property: stored by the platform only, never sent to the device. */
    public boolean cloud() {
        return has(IotcAdjunct.CLOUD);
    }

    @Override
    public Optional<JsonNode> initialValue() {
        return initialValue.map(JsonNode::deepCopy);
    }
}
