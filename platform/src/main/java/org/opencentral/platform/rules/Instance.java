package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.rule.RuleInstance.Status;

/**
 * A rule's live state for one device, as the engine changes it; stored as a {@link RuleInstance}
 * whose memory is this state's JSON. Memory written for another version of the rule is dropped
 * (the status is kept). The items' truths, values and windows are written only for a rule that
 * {@code remembers} them across events ({@link RuleEvaluator#remembers}); for the others only a
 * change of the state (status, quiet period, last notification) is written, and an instance that
 * has never changed state is not stored at all. Not thread-safe: the engine serializes its steps.
 */
final class Instance {
    final String rule;
    final DeviceId device;
    Status status = Status.OK;
    Instant changedAt;
    Instant firstSeen;
    Optional<Instant> falseSince = Optional.empty();
    Optional<Instant> lastNotified = Optional.empty();
    /** Per item (by index): its truth, its last value and when it was last seen; null while unknown. */
    final Boolean[] truths;
    final JsonNode[] values;
    final Instant[] lastSeen;
    /** Open windows by start (epoch milliseconds), one accumulator per item. */
    final TreeMap<Long, Accumulator[]> windows = new TreeMap<>();
    /** The end of the newest window evaluated; values before it are too late. */
    Optional<Instant> closedUntil = Optional.empty();
    private final String version;
    private final boolean remembers;
    private boolean dirty;

    Instance(String rule, DeviceId device, String version, boolean remembers, int items, Instant firstSeen) {
        this.rule = rule;
        this.device = device;
        this.truths = new Boolean[items];
        this.values = new JsonNode[items];
        this.lastSeen = new Instant[items];
        this.version = version;
        this.remembers = remembers;
        this.firstSeen = firstSeen;
        this.changedAt = firstSeen;
        this.dirty = remembers;
    }

    static Instance of(RuleInstance stored, String version, boolean remembers, int items) {
        ObjectNode memory = stored.memory();
        Instance instance = new Instance(stored.rule(), stored.device(), version, remembers, items,
                stored.changedAt());
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
        for (int i = 0; i < items; i++) {
            String item = Integer.toString(i);
            JsonNode truth = memory.path("truths").get(item);
            instance.truths[i] = truth == null ? null : truth.asBoolean();
            instance.values[i] = memory.path("values").get(item);
            JsonNode seen = memory.path("lastSeen").get(item);
            instance.lastSeen[i] = seen == null ? null : Instant.parse(seen.asText());
        }
        memory.path("windows").properties().forEach(e -> {
            Accumulator[] accumulators = new Accumulator[items];
            for (int i = 0; i < items; i++) {
                accumulators[i] = Accumulator.fromJson(e.getValue().path(i));
            }
            instance.windows.put(Long.valueOf(e.getKey()), accumulators);
        });
        return instance;
    }

    /** Marks a change of the state: the instance is written at the end of the step. */
    void touch() {
        dirty = true;
    }

    /** Marks a change of what the items saw: written only when the rule remembers it. */
    void touchItems() {
        dirty |= remembers;
    }

    boolean changed() {
        return dirty;
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
        ObjectNode valuesJson = json.putObject("values");
        ObjectNode seenJson = json.putObject("lastSeen");
        for (int i = 0; i < truths.length; i++) {
            String item = Integer.toString(i);
            if (truths[i] != null) {
                truthsJson.put(item, truths[i]);
            }
            if (values[i] != null) {
                valuesJson.set(item, values[i]);
            }
            if (lastSeen[i] != null) {
                seenJson.put(item, lastSeen[i].toString());
            }
        }
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
