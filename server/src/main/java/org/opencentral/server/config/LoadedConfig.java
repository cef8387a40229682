package org.opencentral.server.config;

import java.util.Map;
import java.util.Optional;

/**
 * A loaded, valid configuration and the settings it was built from.
 *
 * @param settings the winning non-default setting per key; keys absent here have their default
 */
public record LoadedConfig(ServerConfig config, Map<ConfigKey, Setting> settings) {
    public LoadedConfig {
        settings = Map.copyOf(settings);
    }

    public Origin originOf(ConfigKey key) {
        return setting(key).map(Setting::origin).orElse(Origin.DEFAULT);
    }

    public Optional<Setting> setting(ConfigKey key) {
        return Optional.ofNullable(settings.get(key));
    }
}
