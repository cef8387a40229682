package org.opencentral.platform.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link CapabilityCatalog} over maps, for tests: template id → "component.name" or "name" → kind. */
final class InMemoryCapabilityCatalog implements CapabilityCatalog {
    static final String DEVKIT = "dtmi:azurertos:devkit:hlby5jgib2o";
    static final String THERMOSTAT = "dtmi:contoso:Thermostat;1";
    static final String LEGACY = "urn:modelDefinition:fupmoiu28b:ymju9efv9";

    private final Map<String, Map<String, CapabilityKind>> templates = new HashMap<>();

    /** The templates the golden and rule tests use. */
    static InMemoryCapabilityCatalog fixture() {
        InMemoryCapabilityCatalog catalog = new InMemoryCapabilityCatalog();
        for (String devkit : new String[] {DEVKIT, LEGACY}) {
            catalog.add(devkit, CapabilityKind.TELEMETRY, "temperature", "humidity", "pressure", "accelerometerX",
                    "max", "count", "window", "sensor.level");
            catalog.add(devkit, CapabilityKind.PROPERTY, "firmwareVersion", "state",
                    "deviceInformation.model", "deviceInformation.swVersion");
            catalog.add(devkit, CapabilityKind.CLOUD_PROPERTY, "room", "customerName");
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
