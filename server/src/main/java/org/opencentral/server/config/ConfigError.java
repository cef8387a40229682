package org.opencentral.server.config;

import java.util.Objects;
import java.util.Set;

/**
 * One problem with the configuration.
 *
 * @param keys    the keys involved (used to drop follow-up errors about keys that failed to parse)
 * @param message a complete sentence for the operator, naming the key and where its value came from
 */
public record ConfigError(Set<ConfigKey> keys, String message) {
    public ConfigError {
        keys = Set.copyOf(keys);
        Objects.requireNonNull(message, "message");
    }

    public static ConfigError of(ConfigKey key, String message) {
        return new ConfigError(Set.of(key), message);
    }
}
