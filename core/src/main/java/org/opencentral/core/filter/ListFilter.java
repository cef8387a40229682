package org.opencentral.core.filter;

import java.util.Objects;

/**
 * A boolean condition over the fields {@code F} of a listed item. Comparisons are two-valued: an
 * absent member equals only {@code null}, is unequal to every other literal, and neither orders
 * before nor after anything (so {@code lastActivity gt X} is false and {@code not (...)} true for a
 * device never heard from).
 */
public sealed interface ListFilter<F extends ListField> {
    /** {@code field op value}. */
    record Compare<F extends ListField>(F field, Op op, ListLiteral value) implements ListFilter<F> {
        public Compare {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            if (!value.fits(field.type())) {
                throw new IllegalArgumentException(field.wireName() + " holds " + field.type() + " values");
            }
            if (value instanceof ListLiteral.Null && (op.ordering() || !field.nullable())) {
                throw new IllegalArgumentException(op.ordering() ? "only eq and ne compare with null"
                        : field.wireName() + " is never null");
            }
            if (op.ordering() && field.type() == ValueType.BOOLEAN) {
                throw new IllegalArgumentException(field.wireName() + " is a boolean: only eq and ne apply");
            }
        }
    }

    /** {@code contains(field, 'text')} and its siblings; text fields only. */
    record Match<F extends ListField>(TextMatch function, F field, String text) implements ListFilter<F> {
        public Match {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
            if (field.type() != ValueType.TEXT) {
                throw new IllegalArgumentException(function.wireName() + " applies to text fields, not "
                        + field.wireName());
            }
        }
    }

    record And<F extends ListField>(ListFilter<F> left, ListFilter<F> right) implements ListFilter<F> {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Or<F extends ListField>(ListFilter<F> left, ListFilter<F> right) implements ListFilter<F> {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Not<F extends ListField>(ListFilter<F> operand) implements ListFilter<F> {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }
}
