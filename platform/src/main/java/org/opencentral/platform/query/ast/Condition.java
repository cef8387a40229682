package org.opencentral.platform.query.ast;

import java.util.List;
import java.util.Objects;

/** A WHERE condition. AND and OR chains are flat lists of two or more operands. */
public sealed interface Condition
        permits Condition.And, Condition.Or, Condition.Not, Condition.Comparison, Condition.In,
                Condition.WithinWindow, Condition.TextMatch {

    SourcePosition position();

    record And(List<Condition> operands, SourcePosition position) implements Condition {
        public And {
            operands = atLeastTwo(operands);
            Objects.requireNonNull(position);
        }
    }

    record Or(List<Condition> operands, SourcePosition position) implements Condition {
        public Or {
            operands = atLeastTwo(operands);
            Objects.requireNonNull(position);
        }
    }

    record Not(Condition operand, SourcePosition position) implements Condition {
        public Not {
            Objects.requireNonNull(operand);
            Objects.requireNonNull(position);
        }
    }

    /** {@code item op literal}. */
    record Comparison(Expr left, ComparisonOperator operator, Literal right, SourcePosition position)
            implements Condition {
        public Comparison {
            Objects.requireNonNull(left);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(right);
            Objects.requireNonNull(position);
        }
    }

    /** {@code item IN ['a', 'b']} (or with parentheses). */
    record In(Expr left, List<Literal> values, SourcePosition position) implements Condition {
        public In {
            Objects.requireNonNull(left);
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
            Objects.requireNonNull(position);
        }
    }

    record WithinWindow(TimeWindow window, SourcePosition position) implements Condition {
        public WithinWindow {
            Objects.requireNonNull(window);
            Objects.requireNonNull(position);
        }
    }

    /**
     * {@code contains(item, 'text')}, {@code startswith(…)} or {@code endswith(…)}: a case-insensitive
     * text match, allowed in device queries ({@code SELECT * FROM devices WHERE …}) only.
     */
    record TextMatch(org.opencentral.core.filter.TextMatch function, Expr target, String text,
            SourcePosition position) implements Condition {
        public TextMatch {
            Objects.requireNonNull(function);
            Objects.requireNonNull(target);
            Objects.requireNonNull(text);
            Objects.requireNonNull(position);
        }
    }

    private static List<Condition> atLeastTwo(List<Condition> operands) {
        List<Condition> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("a logical operator needs two operands");
        }
        return copy;
    }
}
