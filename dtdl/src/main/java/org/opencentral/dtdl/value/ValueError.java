package org.opencentral.dtdl.value;

import java.util.Objects;

/** A value that does not fit its schema: JSON pointer within the value, code and message. */
public record ValueError(String pointer, ValueErrorCode code, String message) {

    public ValueError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
