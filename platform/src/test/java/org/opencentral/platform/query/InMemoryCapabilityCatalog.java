package org.opencentral.platform.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link CapabilityCatalog} over maps, for tests: template id → "component.name" or "name" → kind,
 * the components of each template, and the shapes of object-typed capabilities (others are scalars).
 */
final class InMemoryCapabilityCatalog implements CapabilityCatalog {
    static final String DEVKIT = "dtmi:azurertos:devkit:hlby5jgib2o";
    static final String THERMOSTAT = "dtmi:contoso:Thermostat;1";
    static final String LEGACY = "urn:modelDefinition:fupmoiu28b:ymju9efv9";

    private final Map<String, Map<String, CapabilityKind>> templates = new HashMap<>();
    private final Map<String, Map<String, ValueShape>> shapes = new HashMap<>();
    private final Map<String, Set<String>> components = new HashMap<>();

    /** The templates the golden and rule tests use. */
    static InMemoryCapabilityCatalog fixture() {
        InMemoryCapabilityCatalog catalog = new InMemoryCapabilityCatalog();
        for (String devkit : new String[] {DEVKIT, LEGACY}) {
            catalog.add(devkit, CapabilityKind.TELEMETRY, "temperature", "humidity", "pressure", "accelerometerX",
                    "max", "count", "window", "sensor.level");
            catalog.add(devkit, CapabilityKind.PROPERTY, "firmwareVersion", "state",
                    "deviceInformation.model", "deviceInformation.swVersion");
            catalog.add(devkit, CapabilityKind.CLOUD_PROPERTY, "room", "customerName");
            catalog.components(devkit, "deviceInformation", "sensor");
            catalog.add(devkit, CapabilityKind.TELEMETRY, "location", "accelerometer", "tags", "sensor.position");
            catalog.shape(devkit, "location", geopoint());
            catalog.shape(devkit, "sensor.position", geopoint());
            catalog.shape(devkit, "accelerometer", new ValueShape.Members("an Object", members(
                    "x", new ValueShape.Scalar("a double"), "y", new ValueShape.Scalar("a double"),
                    "z", new ValueShape.Scalar("a double"),
                    "calibration", new ValueShape.Members("an Object", members(
                            "offset", new ValueShape.Scalar("a double"), "unit", new ValueShape.Scalar("a string"))))));
            catalog.shape(devkit, "tags", new ValueShape.Opaque("a Map"));
            catalog.add(devkit, CapabilityKind.PROPERTY, "config");
            catalog.shape(devkit, "config", new ValueShape.Members("an Object", members(
                    "interval", new ValueShape.Scalar("an integer"), "mode", new ValueShape.Scalar("a string"))));
        }
        catalog.add(THERMOSTAT, CapabilityKind.TELEMETRY, "temperature");
        catalog.add(THERMOSTAT, CapabilityKind.PROPERTY, "targetTemperature", "maxTempSinceLastReboot");
        return catalog;
    }

    InMemoryCapabilityCatalog add(String templateId, CapabilityKind kind, String... paths) {
        Map<String, CapabilityKind> names = templates.computeIfAbsent(templateId, t -> new HashMap<>());
        for (String path : paths) {
            names.put(path, kind);
        }
        return this;
    }

    InMemoryCapabilityCatalog components(String templateId, String... names) {
        components.computeIfAbsent(templateId, t -> new HashSet<>()).addAll(Set.of(names));
        return this;
    }

    InMemoryCapabilityCatalog shape(String templateId, String path, ValueShape shape) {
        shapes.computeIfAbsent(templateId, t -> new HashMap<>()).put(path, shape);
        return this;
    }

    static ValueShape geopoint() {
        ValueShape number = new ValueShape.Scalar("a double");
        return new ValueShape.Members("a geopoint", members("lat", number, "lon", number, "alt", number));
    }

    /** Members in the order given: name, shape, name, shape, … */
    static Map<String, ValueShape> members(Object... namesAndShapes) {
        Map<String, ValueShape> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            members.put((String) namesAndShapes[i], (ValueShape) namesAndShapes[i + 1]);
        }
        return members;
    }

    @Override
    public boolean hasComponent(String templateId, String name) {
        return components.getOrDefault(templateId, Set.of()).contains(name);
    }

    @Override
    public ValueShape shapeOf(String templateId, Optional<String> component, String name) {
        String path = component.map(c -> c + "." + name).orElse(name);
        return shapes.getOrDefault(templateId, Map.of()).getOrDefault(path, ValueShape.SCALAR);
    }

    @Override
    public boolean templateExists(String templateId) {
        return templates.containsKey(templateId);
    }

    @Override
    public CapabilityKind kindOf(String templateId, Optional<String> component, String name) {
        String path = component.map(c -> c + "." + name).orElse(name);
        return templates.getOrDefault(templateId, Map.of()).getOrDefault(path, CapabilityKind.UNKNOWN);
    }
}
