package org.opencentral.core.group;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.opencentral.core.filter.Op;
import org.opencentral.core.filter.TextMatch;

/**
 * Which devices belong to a group: a condition over device metadata and property values, compiled
 * by the store to one parameterized condition on its devices table. A comparison is two-valued and
 * typed: a value of another type (or an absent one) never matches, {@code ne} included, except
 * that {@code eq null} matches an absent value.
 */
public sealed interface MemberFilter {
    /** Every device. */
    MemberFilter ALL = new All(List.of());

    /** Something a condition reads. */
    sealed interface Operand permits Metadata, Property {
    }

    /**
     * A column of the device registry; {@code ORGANIZATION} is absent for devices of the root.
     * {@code CONNECTED} (whether the device is connected now) is not part of the query language:
     * dashboards count connected devices with it.
     */
    enum Metadata implements Operand {
        ID, DISPLAY_NAME, TEMPLATE, ENABLED, PROVISIONED, SIMULATED, ORGANIZATION, CONNECTED
    }

    /**
     * A property value: the reported property at {@code path} of the device's twin (a component's
     * property is {@code component.name}; further parts are members of an object value), or, when
     * the twin has none there, the cloud property {@code path} names.
     */
    record Property(List<String> path) implements Operand {
        public Property {
            path = List.copyOf(path);
            if (path.isEmpty() || path.stream().anyMatch(p -> !p.matches("[A-Za-z0-9_]+"))) {
                throw new IllegalArgumentException("a property path is one or more names: " + path);
            }
        }
    }

    /** A constant a comparison uses. */
    sealed interface Value permits Text, Number, Bool, Null {
    }

    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    record Number(BigDecimal value) implements Value {
        public Number {
            Objects.requireNonNull(value, "value");
        }
    }

    record Bool(boolean value) implements Value {
    }

    /** Absent (or JSON null); only {@code eq} and {@code ne} compare with it. */
    record Null() implements Value {
    }

    record Compare(Operand operand, Op op, Value value) implements MemberFilter {
        public Compare {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            if (value instanceof Null && op.ordering()) {
                throw new IllegalArgumentException("only eq and ne compare with null");
            }
        }
    }

    /** A case-insensitive text match; a value that is not text never matches. */
    record Match(TextMatch function, Operand operand, String text) implements MemberFilter {
        public Match {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(text, "text");
        }
    }

    /** All operands hold (none: true). */
    record All(List<MemberFilter> operands) implements MemberFilter {
        public All {
            operands = List.copyOf(operands);
        }
    }

    /** At least one operand holds (none: false). */
    record Any(List<MemberFilter> operands) implements MemberFilter {
        public Any {
            operands = List.copyOf(operands);
        }
    }

    record Not(MemberFilter operand) implements MemberFilter {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }
}
