package org.opencentral.server.config;

import java.util.Objects;

/**
 * One raw value given for a key, and where it came from.
 *
 * @param source human-readable place, e.g. {@code --http-port}, {@code OPENCENTRAL_HTTP_PORT} or the file path
 */
public record Setting(ConfigKey key, String value, Origin origin, String source) {
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
    }

    /** Describes the value for error messages, hiding secrets. */
    public String describe() {
        String shown = key.secret() ? "(hidden)" : "'" + value + "'";
        return shown + " from " + source;
    }
}
