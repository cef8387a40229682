package org.opencentral.platform.query.ast;

import java.util.Objects;
import java.util.Optional;

/** Something a query reads: a capability name, a built-in {@code $} name or an aggregate. */
public sealed interface Expr permits Expr.Name, Expr.Builtin, Expr.Aggregate {

    SourcePosition position();

    /**
     * A capability ({@code temperature}) or a component's capability ({@code deviceInformation.model}).
     * A bare name may also be an alias of a select item; the analyzer decides.
     */
    record Name(Optional<String> component, String name, SourcePosition position) implements Expr {
        public Name {
            Objects.requireNonNull(component);
            Objects.requireNonNull(name);
            Objects.requireNonNull(position);
        }

        /** {@code name} or {@code component.name}, as written. */
        public String path() {
            return component.map(c -> c + "." + name).orElse(name);
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
