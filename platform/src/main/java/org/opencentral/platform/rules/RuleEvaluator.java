package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.Capability;
import org.opencentral.core.rule.Comparison;
import org.opencentral.core.rule.Condition;
import org.opencentral.core.rule.Connectivity;
import org.opencentral.core.rule.Match;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleHistoryEntry;

/**
 * Evaluates one rule for its devices' instances: what an observation makes true or false, and what
 * the passing of time does (absence, the quiet period before resolving). Aggregated rules collect
 * values per window here and are evaluated by {@link WindowCloser}. Transitions go through
 * {@link Transitions}.
 */
final class RuleEvaluator {
    private final Rule rule;
    private final String version;
    private final Transitions transitions;
    private final Optional<WindowCloser> windows;
    private final boolean remembers;
    private final boolean timed;

    RuleEvaluator(Rule rule, String version) {
        this.rule = rule;
        this.version = version;
        this.transitions = new Transitions(rule);
        this.windows = rule.window().map(w -> new WindowCloser(rule, transitions));
        List<Condition> items = rule.conditions().items();
        boolean absence = items.stream().anyMatch(Condition.Absence.class::isInstance);
        this.timed = windows.isPresent() || absence;
        this.remembers = timed || items.size() > 1 || items.stream().anyMatch(RuleEvaluator::comparesWithCloud);
    }

    /**
     * Whether what the items saw must outlive the event that showed it: an aggregated rule's windows,
     * an absence's last sighting, the other items of a rule with several, and the value an item
     * compares again when the cloud property it compares with changes. A rule of one item that
     * compares with a constant reads its item only for the event at hand, so its truth and value
     * need not be stored.
     */
    boolean remembers() {
        return remembers;
    }

    /** A new instance of the rule for a device first seen at {@code firstSeen}. */
    Instance instance(DeviceId device, Instant firstSeen) {
        return new Instance(rule.id(), device, version, remembers, rule.conditions().items().size(), firstSeen);
    }

    /** Whether the passing of time alone can change an instance in {@code ok}: windows and absences. */
    boolean timed() {
        return timed;
    }

    private static boolean comparesWithCloud(Condition item) {
        return comparison(item).map(Comparison::operand).orElse(null) instanceof Comparison.Operand.CloudProperty;
    }

    Rule rule() {
        return rule;
    }

    String version() {
        return version;
    }

    /** Applies an observation of the instance's device (the {@code sequence}-th event of the log). */
    void observe(Instance instance, Observation observation, long sequence, KnownDevices facts,
            List<RuleHistoryEntry> out) {
        if (windows.isPresent()) {
            windows.get().collect(instance, observation);
            return;
        }
        boolean concerned = false;
        List<Condition> items = rule.conditions().items();
        for (int i = 0; i < items.size(); i++) {
            concerned |= seed(instance, i, items.get(i), facts) | apply(instance, i, items.get(i), observation, facts);
        }
        if (concerned) {
            transitions.step(instance, holds(instance, observation.time()), observation.time(), () -> "e" + sequence,
                    () -> detail(instance), out);
        }
    }

    /** Lets time pass up to {@code now}: closes windows, checks absences and quiet periods. */
    void advance(Instance instance, Instant now, KnownDevices facts, List<RuleHistoryEntry> out) {
        if (windows.isPresent()) {
            windows.get().close(instance, now, facts, out);
        } else if (timed) {
            transitions.step(instance, holds(instance, now), now, () -> "t" + now.toEpochMilli(), () -> detail(instance),
                    out);
        }
        transitions.resolveIfQuiet(instance, now, out);
    }

    /**
     * A cloud property item that has seen no value yet takes the device's current one (set before
     * the rule saw the device); whether it did.
     */
    private static boolean seed(Instance instance, int i, Condition item, KnownDevices facts) {
        if (!(item instanceof Condition.CloudProperty c) || instance.values[i] != null) {
            return false;
        }
        Optional<JsonNode> current = facts.cloudProperty(instance.device, c.property());
        current.ifPresent(value -> record(instance, i, value,
                RuleComparisons.matches(c.comparison(), value, facts, instance.device)));
        return current.isPresent();
    }

    private static boolean apply(Instance instance, int i, Condition item, Observation observation,
            KnownDevices facts) {
        Optional<JsonNode> value = observed(item, observation);
        if (value.isEmpty()) {
            return recompare(instance, i, item, observation, facts);
        }
        switch (item) {
            case Condition.Telemetry t -> record(instance, i, value.get(),
                    RuleComparisons.matches(t.comparison(), value.get(), facts, instance.device));
            case Condition.Property p -> record(instance, i, value.get(),
                    RuleComparisons.matches(p.comparison(), value.get(), facts, instance.device));
            case Condition.CloudProperty c -> record(instance, i, value.get(),
                    RuleComparisons.matches(c.comparison(), value.get(), facts, instance.device));
            case Condition.Connection c -> truth(instance, i, value.get().asBoolean());
            case Condition.Absence a -> {
                instance.lastSeen[i] = observation.time();
                instance.touchItems();
            }
        }
        return true;
    }

    /** The value the observation shows of the item's capability, if it shows one (a connection item: whether it holds). */
    private static Optional<JsonNode> observed(Condition item, Observation observation) {
        return switch (item) {
            case Condition.Telemetry t -> telemetry(observation, t);
            case Condition.Property p -> observation instanceof Observation.Reported r
                    ? field(member(p.property().component().map(c -> r.patch().path(c)).orElse(r.patch()),
                            p.property()), p.member())
                    : Optional.empty();
            case Condition.CloudProperty c -> observation instanceof Observation.Cloud cloud
                    && cloud.component().equals(c.property().component())
                    ? member(cloud.patch(), c.property()) : Optional.empty();
            case Condition.Connection c -> observation instanceof Observation.Connection connection
                    ? Optional.of(BooleanNode.valueOf(
                            connection.connected() == (c.state() == Connectivity.CONNECTED)))
                    : Optional.empty();
            case Condition.Absence a -> telemetry(observation, a.telemetry());
        };
    }

    /**
     * Whether a device in {@code ok} needs an instance for this observation: always for a rule that
     * remembers (see {@link #remembers}); for the others only when the observation makes the one
     * item hold (when it does not, the instance would stay {@code ok} with nothing to keep), so
     * that a rule costs no state for the devices it does not fire for.
     */
    boolean starts(Observation observation, KnownDevices facts, DeviceId device) {
        if (remembers) {
            return true;
        }
        Condition item = rule.conditions().items().getFirst();
        Optional<JsonNode> value = observed(item, observation);
        if (value.isEmpty() && item instanceof Condition.CloudProperty c) {
            value = facts.cloudProperty(device, c.property());
        }
        return value.map(v -> comparison(item).map(c -> RuleComparisons.matches(c, v, facts, device))
                .orElseGet(v::asBoolean)).orElse(false);
    }

    /**
     * When the cloud property an item compares with changes, the item's last value is compared
     * again with the new one; whether it was.
     */
    private static boolean recompare(Instance instance, int i, Condition item, Observation observation,
            KnownDevices facts) {
        Optional<Comparison> comparison = comparison(item);
        boolean changed = observation instanceof Observation.Cloud cloud
                && comparison.map(Comparison::operand).orElse(null) instanceof Comparison.Operand.CloudProperty c
                && cloud.component().equals(c.component())
                && cloud.patch().has(c.name()) && instance.values[i] != null;
        if (changed) {
            truth(instance, i, RuleComparisons.matches(comparison.get(), instance.values[i], facts,
                    instance.device));
        }
        return changed;
    }

    private static Optional<Comparison> comparison(Condition item) {
        return switch (item) {
            case Condition.Telemetry t -> Optional.of(t.comparison());
            case Condition.Property p -> Optional.of(p.comparison());
            case Condition.CloudProperty c -> Optional.of(c.comparison());
            case Condition.Connection c -> Optional.empty();
            case Condition.Absence a -> Optional.empty();
        };
    }

    /** Records an item's value and truth; the instance is written again only when either changed. */
    private static void record(Instance instance, int i, JsonNode value, boolean truth) {
        truth(instance, i, truth);
        if (!value.equals(instance.values[i])) {
            instance.values[i] = value;
            instance.touchItems();
        }
    }

    private static void truth(Instance instance, int i, boolean truth) {
        Boolean before = instance.truths[i];
        if (before == null || before != truth) {
            instance.truths[i] = truth;
            instance.touchItems();
        }
    }

    static Optional<JsonNode> telemetry(Observation observation, Capability telemetry) {
        if (observation instanceof Observation.Telemetry t && t.component().equals(telemetry.component().orElse(""))) {
            return Optional.ofNullable(t.members().get(telemetry.name()));
        }
        return Optional.empty();
    }

    /** The item's value in a telemetry message: the telemetry's, or its member's when the item names one. */
    static Optional<JsonNode> telemetry(Observation observation, Condition.Telemetry item) {
        Optional<JsonNode> value = telemetry(observation, item.telemetry());
        return field(value, item.member());
    }

    /** The value, or its field {@code member} (absent when the value has none, or has it {@code null}). */
    private static Optional<JsonNode> field(Optional<JsonNode> value, Optional<String> member) {
        return member.isEmpty() ? value : value.map(v -> v.get(member.get())).filter(v -> v != null && !v.isNull());
    }

    private static Optional<JsonNode> member(JsonNode patch, Capability capability) {
        return Optional.ofNullable(patch.get(capability.name()));
    }

    private boolean holds(Instance instance, Instant now) {
        List<Condition> items = rule.conditions().items();
        boolean any = false;
        boolean all = true;
        for (int i = 0; i < items.size(); i++) {
            boolean truth = items.get(i) instanceof Condition.Absence a
                    ? absent(instance.lastSeen[i] == null ? instance.firstSeen : instance.lastSeen[i], now, a.duration())
                    : Boolean.TRUE.equals(instance.truths[i]);
            any |= truth;
            all &= truth;
        }
        return rule.conditions().match() == Match.ALL ? all : any;
    }

    private static boolean absent(Instant lastSeen, Instant now, Duration duration) {
        return !now.isBefore(lastSeen.plus(duration));
    }

    /** The values the instance last saw, by kind, as the history and the actions show them. */
    private ObjectNode detail(Instance instance) {
        ValuesJson values = new ValuesJson();
        List<Condition> items = rule.conditions().items();
        for (int i = 0; i < items.size(); i++) {
            JsonNode seen = instance.values[i];
            if (seen == null) {
                continue;
            }
            switch (items.get(i)) {
                case Condition.Telemetry t -> values.put("telemetry", t.valueName(), seen);
                case Condition.Property p -> values.put("properties", p.valueName(), seen);
                case Condition.CloudProperty c -> values.put("cloudProperties", c.property(), seen);
                case Condition.Connection c -> { }
                case Condition.Absence a -> { }
            }
        }
        return values.json();
    }
}
