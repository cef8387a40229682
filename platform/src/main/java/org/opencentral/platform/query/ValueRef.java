package org.opencentral.platform.query;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.platform.query.ast.AggregateFunction;
import org.opencentral.platform.query.ast.SystemField;

/** A resolved value in a validated {@link Query}: aliases replaced, capabilities typed. */
public sealed interface ValueRef permits ValueRef.Capability, ValueRef.Builtin, ValueRef.Aggregate {

    /** The default output column name: {@code temperature}, {@code comp.name}, {@code $id}, {@code avg_temperature}. */
    String defaultName();

    /** A telemetry, property or cloud property of the template (never {@link CapabilityKind#UNKNOWN}). */
    record Capability(Optional<String> component, String name, CapabilityKind kind) implements ValueRef {
        public Capability {
            Objects.requireNonNull(component);
            Objects.requireNonNull(name);
            if (kind == CapabilityKind.UNKNOWN) {
                throw new IllegalArgumentException("unresolved capability " + name);
            }
        }

        public String path() {
            return component.map(c -> c + "." + name).orElse(name);
        }

        @Override
        public String defaultName() {
            return path();
        }
    }

    /**
     * {@code $id}, {@code $ts}, … In a windowed aggregate query {@code $ts} is the window's start.
     */
    record Builtin(SystemField field) implements ValueRef {
        public Builtin {
            Objects.requireNonNull(field);
        }

        @Override
        public String defaultName() {
            return field.text();
        }
    }

    /** An aggregate over telemetry; an empty argument is {@code COUNT(*)}, the number of telemetry rows. */
    record Aggregate(AggregateFunction function, Optional<Capability> argument) implements ValueRef {
        public Aggregate {
            Objects.requireNonNull(function);
            Objects.requireNonNull(argument);
            argument.ifPresent(a -> {
                if (a.kind() != CapabilityKind.TELEMETRY) {
                    throw new IllegalArgumentException("aggregate over non-telemetry " + a.path());
                }
            });
        }

        @Override
        public String defaultName() {
            return argument.map(a -> function.outputPrefix() + "_" + a.path()).orElse(function.outputPrefix());
        }
    }
}
