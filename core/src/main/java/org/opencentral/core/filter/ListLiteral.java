package org.opencentral.core.filter;

import java.time.Instant;
import java.util.Objects;

/** A constant in a filter. */
public sealed interface ListLiteral {
    /** The absent value; only {@code eq} and {@code ne} compare with it. */
    record Null() implements ListLiteral {
    }

    record Text(String value) implements ListLiteral {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    record Bool(boolean value) implements ListLiteral {
    }

    record Time(Instant value) implements ListLiteral {
        public Time {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Whether this literal can stand for a value of {@code type}. */
    default boolean fits(ValueType type) {
        return switch (this) {
            case Null n -> true;
            case Text t -> type == ValueType.TEXT;
            case Bool b -> type == ValueType.BOOLEAN;
            case Time t -> type == ValueType.INSTANT;
        };
    }
}
