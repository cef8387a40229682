package org.opencentral.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator and what it compares with: a constant (a number, a string or a boolean) or the
 * device's current value of one of its cloud properties.
 */
public record Comparison(Operator operator, Operand operand) {
    public Comparison {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operand, "operand");
    }

    /** A comparison with a constant. */
    public static Comparison of(Operator operator, JsonNode value) {
        return new Comparison(operator, new Operand.Constant(value));
    }

    /** What a condition compares its value with. */
    public sealed interface Operand {
        /** A number, a string or a boolean. */
        record Constant(JsonNode value) implements Operand {
            public Constant {
                Objects.requireNonNull(value, "value");
                if (!(value.isNumber() || value.isTextual() || value.isBoolean())) {
                    throw new IllegalArgumentException("a condition's value is a number, a string or a boolean");
                }
                value = value.deepCopy();
            }

            @Override
            public JsonNode value() {
                return value.deepCopy();
            }
        }

        /** The device's current value of a cloud property, of the root interface or of a {@code component}. */
        record CloudProperty(String name, Optional<String> component) implements Operand {
            public CloudProperty {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("compareTo.cloudProperty names a cloud property");
                }
                Objects.requireNonNull(component, "component");
                if (component.isPresent() && component.get().isBlank()) {
                    throw new IllegalArgumentException("compareTo.component must not be blank");
                }
            }

            public CloudProperty(String name) {
                this(name, Optional.empty());
            }

            /** The cloud property, as a capability of the template. */
            public Capability capability() {
                return new Capability(component, name);
            }
        }
    }
}
