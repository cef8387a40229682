package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.opencentral.core.Json;
import org.opencentral.core.rule.Condition;
import org.opencentral.core.rule.Match;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleInstance.Status;

/**
 * An aggregated rule's tumbling windows: each value counts in the one window its event time falls
 * in (windows aligned to the epoch); a window is evaluated once the platform's time passes its end
 * by the rule's lateness, at its end; a value for a window already evaluated is dropped. Empty
 * windows are evaluated only while the instance fires (so that a silent device resolves).
 */
final class WindowCloser {
    /** At most this many windows are evaluated in one step for one instance. */
    static final int MAX_WINDOWS_PER_STEP = 1440;

    private final Rule rule;
    private final Transitions transitions;
    private final long length;

    WindowCloser(Rule rule, Transitions transitions) {
        this.rule = rule;
        this.transitions = transitions;
        this.length = rule.window().orElseThrow().toMillis();
    }

    void collect(Instance instance, Observation observation) {
        long start = Math.floorDiv(observation.time().toEpochMilli(), length) * length;
        if (instance.closedUntil.map(closed -> start < closed.toEpochMilli()).orElse(false)) {
            return;
        }
        List<Condition> items = rule.conditions().items();
        for (int i = 0; i < items.size(); i++) {
            Condition.Telemetry item = (Condition.Telemetry) items.get(i);
            int index = i;
            RuleEvaluator.telemetry(observation, item).ifPresent(value -> {
                instance.windows.computeIfAbsent(start, s -> empty(items.size()))[index].add(value);
                instance.touchItems();
            });
        }
    }

    void close(Instance instance, Instant now, KnownDevices facts, List<RuleHistoryEntry> out) {
        long limit = now.minus(rule.lateness()).toEpochMilli();
        for (int step = 0; step < MAX_WINDOWS_PER_STEP; step++) {
            Optional<Long> next = next(instance);
            if (next.isEmpty() || next.get() + length > limit) {
                return;
            }
            long start = next.get();
            Accumulator[] accumulators = instance.windows.remove(start);
            Instant end = Instant.ofEpochMilli(start + length);
            evaluate(instance, accumulators == null ? empty(rule.conditions().items().size()) : accumulators,
                    start, end, facts, out);
            instance.closedUntil = Optional.of(end);
            instance.touch();
        }
    }

    /** The start of the next window to evaluate: the one after the last evaluated while firing, else the oldest open. */
    private Optional<Long> next(Instance instance) {
        Optional<Long> oldest = instance.windows.isEmpty() ? Optional.empty()
                : Optional.of(instance.windows.firstKey());
        if (instance.status == Status.FIRING && instance.closedUntil.isPresent()) {
            return Optional.of(instance.closedUntil.get().toEpochMilli());
        }
        return oldest;
    }

    private void evaluate(Instance instance, Accumulator[] accumulators, long start, Instant end, KnownDevices facts,
            List<RuleHistoryEntry> out) {
        List<Condition> items = rule.conditions().items();
        ValuesJson values = new ValuesJson();
        boolean any = false;
        boolean all = true;
        for (int i = 0; i < items.size(); i++) {
            Condition.Telemetry item = (Condition.Telemetry) items.get(i);
            OptionalDouble value = accumulators[i].value(item.aggregation().orElseThrow());
            boolean truth = value.isPresent()
                    && RuleComparisons.numbers(item.comparison(), value.getAsDouble(), facts, instance.device);
            if (value.isPresent()) {
                ObjectNode aggregate = Json.object();
                aggregate.set(item.aggregation().get().wireName(), DoubleNode.valueOf(value.getAsDouble()));
                values.putShaped("telemetry", item.valueName(), aggregate);
            }
            any |= truth;
            all &= truth;
        }
        ObjectNode detail = values.json();
        detail.putObject("window").put("start", Instant.ofEpochMilli(start).toString()).put("end", end.toString());
        boolean holds = rule.conditions().match() == Match.ALL ? all : any;
        transitions.step(instance, holds, end, () -> "w" + end.toEpochMilli(), () -> detail, out);
    }

    private static Accumulator[] empty(int items) {
        Accumulator[] accumulators = new Accumulator[items];
        for (int i = 0; i < items; i++) {
            accumulators[i] = new Accumulator();
        }
        return accumulators;
    }
}
