package org.opencentral.transport.internal.topic;

import java.util.Objects;

/** The result of decoding device input: a value, or the reason it could not be decoded. */
public sealed interface Decoded<T> {
    record Ok<T>(T value) implements Decoded<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(String reason) implements Decoded<T> {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Decoded<T> failed(String reason) {
        return new Failed<>(reason);
    }
}
