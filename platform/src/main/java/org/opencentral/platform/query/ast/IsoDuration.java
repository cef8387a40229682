package org.opencentral.platform.query.ast;

import java.time.Duration;
import java.util.Objects;

/** An ISO-8601 duration as written ({@code P2DT12H}) and its value. */
public record IsoDuration(String text, Duration value) {
    public IsoDuration {
        Objects.requireNonNull(text);
        Objects.requireNonNull(value);
    }
}
