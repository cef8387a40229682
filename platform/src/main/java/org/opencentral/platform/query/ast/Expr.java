package org.opencentral.platform.query.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Something a query reads: a capability name, a built-in {@code $} name or an aggregate. */
public sealed interface Expr permits Expr.Name, Expr.Builtin, Expr.Aggregate {

    SourcePosition position();

    /**
     * A dotted name as written: a capability ({@code temperature}), a component's capability
     * ({@code deviceInformation.model}), or members of an object-typed capability ({@code location.lat},
     * {@code thermostat1.accelerometer.x}). Which part is a component, a capability or a member the
     * analyzer decides from the template. A single part may also be an alias of a select item.
     */
    record Name(List<String> parts, SourcePosition position) implements Expr {
        public Name {
            parts = List.copyOf(parts);
            if (parts.isEmpty() || parts.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("a name has one or more non-empty parts");
            }
            Objects.requireNonNull(position);
        }

        /** Whether the name has a single part (and so may be an alias). */
        public boolean simple() {
            return parts.size() == 1;
        }

        /** The name as written, parts joined with dots. */
        public String path() {
            return String.join(".", parts);
        }
    }

    /** A built-in name such as {@code $id} or {@code $ts}. */
    record Builtin(SystemField field, SourcePosition position) implements Expr {
        public Builtin {
            Objects.requireNonNull(field);
            Objects.requireNonNull(position);
        }
    }

    /** {@code AVG(temperature)}; an empty argument is {@code COUNT(*)}. */
    record Aggregate(AggregateFunction function, Optional<Name> argument, SourcePosition position)
            implements Expr {
        public Aggregate {
            Objects.requireNonNull(function);
            Objects.requireNonNull(argument);
            Objects.requireNonNull(position);
            if (argument.isEmpty() && function != AggregateFunction.COUNT) {
                throw new IllegalArgumentException(function + "(*) is not an aggregate");
            }
        }
    }
}
