package org.opencentral.core.job;

import java.util.Objects;

/**
 * A number of devices or a percentage of a job's devices, as batches and cancellation thresholds
 * give them; {@code of(total)} is the count it stands for (a percentage rounds up, at least one).
 */
public record JobAmount(Kind type, double value) {
    public enum Kind {
        NUMBER("number"), PERCENTAGE("percentage");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public JobAmount {
        Objects.requireNonNull(type, "type");
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must be a positive number");
        }
        if (type == Kind.PERCENTAGE && value > 100) {
            throw new IllegalArgumentException("a percentage is at most 100");
        }
        if (type == Kind.NUMBER && value != Math.floor(value)) {
            throw new IllegalArgumentException("a number of devices is a whole number");
        }
    }

    /** The count this amount stands for among {@code total} devices (at least 1). */
    public int of(int total) {
        double count = type == Kind.NUMBER ? value : Math.ceil(total * value / 100.0);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, count));
    }
}
