package org.opencentral.platform.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.dtdl.model.Component;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.IotcAdjunct;
import org.opencentral.dtdl.model.Telemetry;
import org.opencentral.platform.ingest.TelemetryMessage;

/**
 * One simulated device's telemetry: a generator per capability of its template, for the root and
 * each component. Event telemetry is sent now and then ({@value #EVENT_PROBABILITY} per message),
 * everything else in every message. Used by one thread at a time (the simulator's scheduler).
 */
public final class SimulatedDevice {
    static final double EVENT_PROBABILITY = 0.05;
    private static final Map<String, String> SYSTEM_PROPERTIES =
            Map.of("contentType", "application/json", "contentEncoding", "utf-8");

    private final DeviceId id;
    private final DeviceModel model;
    private final RandomGenerator random;
    private final Map<Optional<String>, Map<String, Generator>> regular = new LinkedHashMap<>();
    private final Map<Optional<String>, Map<String, Generator>> events = new LinkedHashMap<>();

    public SimulatedDevice(DeviceId id, DeviceModel model, long seed) {
        this.id = id;
        this.model = model;
        this.random = new SplittableRandom(seed);
        add(Optional.empty());
        model.components().stream().map(Component::name).forEach(name -> add(Optional.of(name)));
    }

    public DeviceId id() {
        return id;
    }

    public DeviceModel model() {
        return model;
    }

    RandomGenerator random() {
        return random;
    }

    private void add(Optional<String> component) {
        for (Telemetry t : model.telemetry(component)) {
            var target = t.iotc().has(IotcAdjunct.EVENT) ? events : regular;
            target.computeIfAbsent(component, c -> new LinkedHashMap<>())
                    .put(t.name(), Generators.of(t.schema(), t.quantity()));
        }
    }

    /** The messages of one send: one per component that has something to say. */
    public synchronized List<TelemetryMessage> telemetry(Instant now) {
        List<TelemetryMessage> messages = new ArrayList<>();
        for (Optional<String> component : components()) {
            ObjectNode body = Json.object();
            regular.getOrDefault(component, Map.of()).forEach((name, g) -> body.set(name, g.next(random, now)));
            events.getOrDefault(component, Map.of()).forEach((name, g) -> {
                if (random.nextDouble() < EVENT_PROBABILITY) {
                    body.set(name, g.next(random, now));
                }
            });
            if (!body.isEmpty()) {
                messages.add(new TelemetryMessage(component, Map.of(), SYSTEM_PROPERTIES,
                        Json.write(body).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return messages;
    }

    private List<Optional<String>> components() {
        List<Optional<String>> all = new ArrayList<>(regular.keySet());
        events.keySet().stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    /** A fresh value of a schema, for properties and command responses. */
    synchronized JsonNode value(org.opencentral.dtdl.model.Schema schema,
            Optional<org.opencentral.dtdl.model.Quantity> quantity, Instant now) {
        return Generators.of(schema, quantity).next(random, now);
    }
}
