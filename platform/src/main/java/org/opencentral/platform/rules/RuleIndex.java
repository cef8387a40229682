package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.rule.Capability;
import org.opencentral.core.rule.Comparison;
import org.opencentral.core.rule.Condition;
import org.opencentral.core.rule.Operator;

/**
 * Which of a template's rules (by position in its list) an observation can change, so that an event
 * is compared with the rules it can trip rather than with every rule of its template (BENCHMARKS.md,
 * issue 14). A <em>threshold</em> — a rule of one telemetry item compared with a numeric constant,
 * that remembers nothing between events ({@link RuleEvaluator#remembers}) — is indexed by the value
 * it reads (component, telemetry, member) and, per operator, by its constant, sorted: a value finds
 * the thresholds it makes hold by binary search, in O(log n + hits). An observation that does not
 * make a threshold's item hold changes nothing for a device whose instance is {@code ok} (or that has
 * none), so only the device's firing instances must see it too: the caller adds those
 * ({@link LoadedRules.Slots#addFiring}). Every other rule is a candidate for every observation.
 */
final class RuleIndex {
    private static final Comparator<Threshold> BY_VALUE = Comparator.comparingDouble(Threshold::value);

    /** The positions of the rules that are not thresholds. */
    private final BitSet general;
    /** The thresholds, by the value they read. */
    private final List<Field> fields;

    private RuleIndex(BitSet general, List<Field> fields) {
        this.general = general;
        this.fields = List.copyOf(fields);
    }

    static RuleIndex of(List<LoadedRules.Loaded> rules) {
        BitSet general = new BitSet(rules.size());
        Map<Key, Map<Operator, List<Threshold>>> thresholds = new LinkedHashMap<>();
        Map<Key, Condition.Telemetry> reads = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Optional<Condition.Telemetry> item = threshold(rules.get(i).evaluator());
            if (item.isEmpty()) {
                general.set(i);
                continue;
            }
            Comparison comparison = item.get().comparison();
            double value = ((Comparison.Operand.Constant) comparison.operand()).value().asDouble();
            Key key = new Key(item.get().telemetry(), item.get().member());
            reads.putIfAbsent(key, item.get());
            thresholds.computeIfAbsent(key, k -> new EnumMap<>(Operator.class))
                    .computeIfAbsent(comparison.operator(), o -> new ArrayList<>()).add(new Threshold(value, i));
        }
        List<Field> fields = new ArrayList<>();
        thresholds.forEach((key, byOperator) -> fields.add(Field.of(reads.get(key), byOperator)));
        return new RuleIndex(general, fields);
    }

    /**
     * The rule's item when it is a threshold: one telemetry item compared with a numeric constant by an
     * ordering or (in)equality operator, in a rule that remembers nothing between events.
     */
    static Optional<Condition.Telemetry> threshold(RuleEvaluator evaluator) {
        if (evaluator.remembers()
                || !(evaluator.rule().conditions().items().getFirst() instanceof Condition.Telemetry item)
                || !(item.comparison().operand() instanceof Comparison.Operand.Constant constant)
                || !constant.value().isNumber() || item.comparison().operator().textual()) {
            return Optional.empty();
        }
        return Optional.of(item);
    }

    /**
     * The positions of the rules the observation can change, other than thresholds whose instance for
     * the device is firing: every rule that is not a threshold, and the thresholds it makes hold.
     */
    BitSet candidates(Observation observation) {
        BitSet candidates = (BitSet) general.clone();
        if (observation instanceof Observation.Telemetry) {
            for (Field field : fields) {
                field.trips(observation, candidates);
            }
        }
        return candidates;
    }

    /** The value a threshold reads: a telemetry (in a component) and, optionally, its member. */
    private record Key(Capability telemetry, Optional<String> member) {
    }

    /** A threshold's constant and its rule's position. */
    private record Threshold(double value, int position) {
    }

    /** A threshold operator's constants, ascending, and their rules' positions. */
    private record Sorted(double[] values, int[] positions) {
        static Sorted of(List<Threshold> thresholds) {
            List<Threshold> sorted = thresholds.stream().sorted(BY_VALUE).toList();
            double[] values = new double[sorted.size()];
            int[] positions = new int[sorted.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = sorted.get(i).value();
                positions[i] = sorted.get(i).position();
            }
            return new Sorted(values, positions);
        }

        /** The first index whose constant is not below {@code v}. */
        int lower(double v) {
            int low = 0;
            int high = values.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[middle] < v) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** The first index whose constant is above {@code v}. */
        int upper(double v) {
            int low = 0;
            int high = values.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[middle] <= v) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        void mark(int from, int to, BitSet into) {
            for (int i = from; i < to; i++) {
                into.set(positions[i]);
            }
        }

        /** Marks the rules whose {@code value operator constant} holds. */
        void trips(Operator operator, double v, BitSet into) {
            int n = values.length;
            switch (operator) {
                case GREATER -> mark(0, lower(v), into);
                case GREATER_OR_EQUAL -> mark(0, upper(v), into);
                case LESS -> mark(upper(v), n, into);
                case LESS_OR_EQUAL -> mark(lower(v), n, into);
                case EQUALS -> mark(lower(v), upper(v), into);
                case NOT_EQUALS -> {
                    mark(0, lower(v), into);
                    mark(upper(v), n, into);
                }
                case CONTAINS, NOT_CONTAINS -> throw new IllegalStateException("not a threshold operator: " + operator);
            }
        }
    }

    /** The thresholds on one value (read as {@code item}, one of theirs, reads it), by operator. */
    private record Field(Condition.Telemetry item, Map<Operator, Sorted> byOperator) {
        static Field of(Condition.Telemetry item, Map<Operator, List<Threshold>> thresholds) {
            Map<Operator, Sorted> byOperator = new EnumMap<>(Operator.class);
            thresholds.forEach((operator, list) -> byOperator.put(operator, Sorted.of(list)));
            return new Field(item, byOperator);
        }

        /** Marks the thresholds the observation's value (read as the evaluator reads it) makes hold. */
        void trips(Observation observation, BitSet into) {
            Optional<JsonNode> value = RuleEvaluator.telemetry(observation, item);
            if (value.isEmpty() || !value.get().isNumber()) {
                return;
            }
            double v = value.get().asDouble();
            byOperator.forEach((operator, sorted) -> sorted.trips(operator, v, into));
        }
    }
}
