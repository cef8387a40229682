package org.opencentral.core.telemetry;

import java.util.Objects;

/** A typed telemetry value: numbers are stored as doubles, so that aggregates run in the database. */
public sealed interface TelemetryValue {
    record NumberValue(double value) implements TelemetryValue {
        public NumberValue {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("telemetry numbers must be finite");
            }
        }
    }

    record BooleanValue(boolean value) implements TelemetryValue {
    }

    record TextValue(String value) implements TelemetryValue {
        public TextValue {
            Objects.requireNonNull(value, "value");
        }
    }

    static TelemetryValue of(double value) {
        return new NumberValue(value);
    }

    static TelemetryValue of(boolean value) {
        return new BooleanValue(value);
    }

    static TelemetryValue of(String value) {
        return new TextValue(value);
    }
}
