package org.opencentral.core.rule;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One condition item of a rule; the JSON form names exactly one of {@code telemetry},
 * {@code property}, {@code cloudProperty}, {@code connectivity} and {@code absence}.
 */
public sealed interface Condition {

    /**
     * A telemetry value — or, with a {@code member}, one field of an Object telemetry — compared with a
     * constant; aggregated over the rule's window when it has one.
     */
    record Telemetry(Capability telemetry, Optional<String> member, Comparison comparison,
            Optional<Aggregation> aggregation) implements Condition {
        public Telemetry {
            Objects.requireNonNull(telemetry, "telemetry");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(aggregation, "aggregation");
            if (member.isPresent() && member.get().isBlank()) {
                throw new IllegalArgumentException("a member name must not be blank");
            }
        }

        public Telemetry(Capability telemetry, Comparison comparison, Optional<Aggregation> aggregation) {
            this(telemetry, Optional.empty(), comparison, aggregation);
        }

        /** The name its values go by in a fire's values: the telemetry's, or {@code telemetry.member}. */
        public Capability valueName() {
            return telemetry.withMember(member);
        }
    }

    /**
     * A reported property value — or, with a {@code member}, one field of an Object property —
     * compared with a constant or a cloud property.
     */
    record Property(Capability property, Optional<String> member, Comparison comparison) implements Condition {
        public Property {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(comparison, "comparison");
            if (member.isPresent() && member.get().isBlank()) {
                throw new IllegalArgumentException("a member name must not be blank");
            }
        }

        public Property(Capability property, Comparison comparison) {
            this(property, Optional.empty(), comparison);
        }

        /** The name its values go by in a fire's values: the property's, or {@code property.member}. */
        public Capability valueName() {
            return property.withMember(member);
        }
    }

    /** A cloud property value compared with a constant. */
    record CloudProperty(Capability property, Comparison comparison) implements Condition {
        public CloudProperty {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(comparison, "comparison");
        }
    }

    /** Holds while the device is connected, or disconnected. */
    record Connection(Connectivity state) implements Condition {
        public Connection {
            Objects.requireNonNull(state, "state");
        }
    }

    /** Holds once the device has sent no value of a telemetry for {@code duration}. */
    record Absence(Capability telemetry, Duration duration) implements Condition {
        public static final Duration MIN = Duration.ofSeconds(1);

        public Absence {
            Objects.requireNonNull(telemetry, "telemetry");
            if (duration.compareTo(MIN) < 0) {
                throw new IllegalArgumentException("an absence lasts at least " + MIN);
            }
        }
    }
}
