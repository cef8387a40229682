package org.opencentral.core.export;

import java.util.Objects;

/** A query parameter or header a webhook adds to each request; a secret one is never answered. */
public record Customization(String value, boolean secret) {
    public Customization {
        Objects.requireNonNull(value, "value");
    }
}
