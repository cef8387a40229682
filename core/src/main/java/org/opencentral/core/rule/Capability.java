package org.opencentral.core.rule;

import java.util.Objects;
import java.util.Optional;

/** A telemetry or property named by a condition: its name, in the root interface or a component. */
public record Capability(Optional<String> component, String name) {
    public Capability {
        Objects.requireNonNull(component, "component");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a capability name must not be blank");
        }
        if (component.isPresent() && component.get().isBlank()) {
            throw new IllegalArgumentException("a component name must not be blank");
        }
    }

    public static Capability of(String name) {
        return new Capability(Optional.empty(), name);
    }

    /** The name a member of its Object value goes by in a fire's values: {@code name.member}. */
    public Capability withMember(Optional<String> member) {
        return member.map(m -> new Capability(component, name + "." + m)).orElse(this);
    }

    /** {@code name} or {@code component.name}, for messages. */
    public String describe() {
        return component.map(c -> c + "." + name).orElse(name);
    }
}
