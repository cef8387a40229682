package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.rule.RuleInstance.Status;

/**
 * A rule's live state for one device, as the engine changes it; stored as a {@link RuleInstance}
 * whose memory is this state's JSON. Memory written for another version of the rule is dropped
 * (the status is kept). Not thread-safe: the engine serializes its steps.
 */
final class Instance {
    final String rule;
    final DeviceId device;
    Status status = Status.OK;
    Instant changedAt;
    Instant firstSeen;
    Optional<Instant> falseSince = Optional.empty();
    Optional<Instant> lastNotified = Optional.empty();
    final Map<Integer, Boolean> truths = new HashMap<>();
    final Map<Integer, JsonNode> values = new HashMap<>();
    final Map<Integer, Instant> lastSeen = new HashMap<>();
    /** Open windows by start (epoch milliseconds), one accumulator per item. */
    final TreeMap<Long, Accumulator[]> windows = new TreeMap<>();
    /** The end of the newest window evaluated; values before it are too late. */
    Optional<Instant> closedUntil = Optional.empty();
    private final String version;
    private boolean dirty;

    Instance(String rule, DeviceId device, String version, Instant firstSeen) {
        this.rule = rule;
        this.device = device;
        this.version = version;
        this.firstSeen = firstSeen;
        this.changedAt = firstSeen;
        this.dirty = true;
    }

    static Instance of(RuleInstance stored, String version, int items) {
        ObjectNode memory = stored.memory();
        Instance instance = new Instance(stored.rule(), stored.device(), version, stored.changedAt());
        instance.status = stored.status();
        instance.dirty = false;
        if (!version.equals(memory.path("version").asText())) {
            instance.dirty = true;
            return instance;
        }
        instance.firstSeen = Instant.parse(memory.path("firstSeen").asText());
        instance.falseSince = instant(memory, "falseSince");
        instance.lastNotified = instant(memory, "lastNotified");
        instance.closedUntil = instant(memory, "closedUntil");
        memory.path("truths").properties().forEach(e -> instance.truths.put(Integer.valueOf(e.getKey()),
                e.getValue().asBoolean()));
        memory.path("values").properties().forEach(e -> instance.values.put(Integer.valueOf(e.getKey()),
                e.getValue()));
        memory.path("lastSeen").properties().forEach(e -> instance.lastSeen.put(Integer.valueOf(e.getKey()),
                Instant.parse(e.getValue().asText())));
        memory.path("windows").properties().forEach(e -> {
            Accumulator[] accumulators = new Accumulator[items];
            for (int i = 0; i < items; i++) {
                accumulators[i] = Accumulator.fromJson(e.getValue().path(i));
            }
            instance.windows.put(Long.valueOf(e.getKey()), accumulators);
        });
        return instance;
    }

    void touch() {
        dirty = true;
    }

    /** The stored form if it changed since the last call, clearing the mark. */
    Optional<RuleInstance> takeChanged() {
        if (!dirty) {
            return Optional.empty();
        }
        dirty = false;
        return Optional.of(new RuleInstance(rule, device, status, changedAt, memory()));
    }

    private ObjectNode memory() {
        ObjectNode json = Json.object();
        json.put("version", version);
        json.put("firstSeen", firstSeen.toString());
        falseSince.ifPresent(t -> json.put("falseSince", t.toString()));
        lastNotified.ifPresent(t -> json.put("lastNotified", t.toString()));
        closedUntil.ifPresent(t -> json.put("closedUntil", t.toString()));
        ObjectNode truthsJson = json.putObject("truths");
        truths.forEach((i, truth) -> truthsJson.put(i.toString(), truth));
        ObjectNode valuesJson = json.putObject("values");
        values.forEach((i, value) -> valuesJson.set(i.toString(), value));
        ObjectNode seenJson = json.putObject("lastSeen");
        lastSeen.forEach((i, seen) -> seenJson.put(i.toString(), seen.toString()));
        ObjectNode windowsJson = json.putObject("windows");
        windows.forEach((start, accumulators) -> {
            ArrayNode window = windowsJson.putArray(start.toString());
            for (Accumulator a : accumulators) {
                window.add(a.toJson());
            }
        });
        return json;
    }

    private static Optional<Instant> instant(ObjectNode memory, String member) {
        JsonNode value = memory.get(member);
        return value == null ? Optional.empty() : Optional.of(Instant.parse(value.asText()));
    }
}
