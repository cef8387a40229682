package org.opencentral.platform.query.ast;

import java.util.List;
import java.util.Objects;

/** A WHERE condition. AND and OR chains are flat lists of two or more operands. */
public sealed interface WhereCondition
        permits WhereCondition.And, WhereCondition.Or, WhereCondition.Not, WhereCondition.Comparison, WhereCondition.In,
                WhereCondition.WithinWindow, WhereCondition.TextMatch {

    SourcePosition position();

    record And(List<WhereCondition> operands, SourcePosition position) implements WhereCondition {
        public And {
            operands = atLeastTwo(operands);
            Objects.requireNonNull(position);
        }
    }

    record Or(List<WhereCondition> operands, SourcePosition position) implements WhereCondition {
        public Or {
            operands = atLeastTwo(operands);
            Objects.requireNonNull(position);
        }
    }

    record Not(WhereCondition operand, SourcePosition position) implements WhereCondition {
        public Not {
            Objects.requireNonNull(operand);
            Objects.requireNonNull(position);
        }
    }

    /** {@code item op literal}. */
    record Comparison(Expr left, ComparisonOperator operator, QueryLiteral right, SourcePosition position)
            implements WhereCondition {
        public Comparison {
            Objects.requireNonNull(left);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(right);
            Objects.requireNonNull(position);
        }
    }

    /** {@code item IN ['a', 'b']} (or with parentheses). */
    record In(Expr left, List<QueryLiteral> values, SourcePosition position) implements WhereCondition {
        public In {
            Objects.requireNonNull(left);
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
            Objects.requireNonNull(position);
        }
    }

    record WithinWindow(TimeWindow window, SourcePosition position) implements WhereCondition {
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
            SourcePosition position) implements WhereCondition {
        public TextMatch {
            Objects.requireNonNull(function);
            Objects.requireNonNull(target);
            Objects.requireNonNull(text);
            Objects.requireNonNull(position);
        }
    }

    private static List<WhereCondition> atLeastTwo(List<WhereCondition> operands) {
        List<WhereCondition> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("a logical operator needs two operands");
        }
        return copy;
    }
}
