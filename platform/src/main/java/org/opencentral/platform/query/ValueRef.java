package org.opencentral.platform.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.platform.query.ast.AggregateFunction;
import org.opencentral.platform.query.ast.SystemField;

/** A resolved value in a validated {@link Query}: aliases replaced, capabilities typed. */
public sealed interface ValueRef permits ValueRef.Capability, ValueRef.Builtin, ValueRef.Aggregate {

    /** The default output column name: {@code temperature}, {@code comp.name}, {@code $id}, {@code avg_temperature}. */
    String defaultName();

    /**
     * A telemetry, property or cloud property of the template (never {@link CapabilityKind#UNKNOWN}),
     * or a member of one whose value is an object ({@code members}: {@code ["lat"]} for
     * {@code location.lat}; empty for the whole value).
     */
    record Capability(Optional<String> component, String name, List<String> members, CapabilityKind kind)
            implements ValueRef {
        public Capability {
            Objects.requireNonNull(component);
            Objects.requireNonNull(name);
            members = List.copyOf(members);
            if (kind == CapabilityKind.UNKNOWN) {
                throw new IllegalArgumentException("unresolved capability " + name);
            }
        }

        /** The whole value of a capability. */
        public Capability(Optional<String> component, String name, CapabilityKind kind) {
            this(component, name, List.of(), kind);
        }

        /**
         * The name and members, dotted: {@code location.lat}. The telemetry store keeps every member
         * of an object as its own series under this name (flattened when the message is indexed).
         */
        public String memberPath() {
            return members.isEmpty() ? name : name + "." + String.join(".", members);
        }

        /** {@code [component.]name[.member…]}. */
        public String path() {
            return component.map(c -> c + "." + memberPath()).orElse(memberPath());
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
