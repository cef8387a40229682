package org.opencentral.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a {@link ServerConfig}: defaults in code, then the optional config file, then
 * {@code OPENCENTRAL_*} environment variables, then command-line flags (later wins). A blank value
 * counts as not set. Throws {@link ConfigException} with every problem found.
 */
public final class ConfigLoader {
    /** Names a config file when {@code --config} is not given. */
    public static final String CONFIG_FILE_ENV = "OPENCENTRAL_CONFIG";

    private final Map<String, String> environment;
    private final ServerConfig defaults;

    /**
     * @param environment the environment to read {@code OPENCENTRAL_*} variables from (tests pass a map)
     * @param defaults    the defaults in code, see {@link ServerConfig#defaults(String)}
     */
    public ConfigLoader(Map<String, String> environment, ServerConfig defaults) {
        this.environment = Map.copyOf(environment);
        this.defaults = defaults;
    }

    /** A loader over the process environment and this machine's defaults. */
    public static ConfigLoader fromSystem() {
        return new ConfigLoader(System.getenv(), ServerConfig.defaults());
    }

    public ServerConfig defaults() {
        return defaults;
    }

    /**
     * @param flags      values given as command-line flags
     * @param configFile the file given with {@code --config}; when empty, {@code OPENCENTRAL_CONFIG} is used
     */
    public LoadedConfig load(Map<ConfigKey, String> flags, Optional<Path> configFile) {
        List<ConfigError> errors = new ArrayList<>();
        Map<ConfigKey, Setting> settings = new EnumMap<>(ConfigKey.class);
        configFile.or(() -> nonBlank(environment.get(CONFIG_FILE_ENV)).map(Path::of))
                .ifPresent(file -> readFile(file, settings, errors));
        for (ConfigKey key : ConfigKey.values()) {
            nonBlank(environment.get(key.envName())).ifPresent(value ->
                    settings.put(key, new Setting(key, value, Origin.ENVIRONMENT, key.envName())));
        }
        flags.forEach((key, value) -> nonBlank(value).ifPresent(v ->
                settings.put(key, new Setting(key, v, Origin.COMMAND_LINE, key.flag().orElse(key.key())))));

        ConfigBinder binder = new ConfigBinder(defaults, settings);
        ServerConfig config = binder.bind();
        errors.addAll(binder.errors());
        Set<ConfigKey> failed = binder.failedKeys();
        ConfigValidator.validate(config).stream()
                .filter(error -> Collections.disjoint(error.keys(), failed))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new LoadedConfig(config, settings);
    }

    private static void readFile(Path file, Map<ConfigKey, Setting> settings, List<ConfigError> errors) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            errors.add(new ConfigError(Set.of(), "config file " + file + " cannot be read: " + e.getMessage()));
            return;
        }
        Set<String> unknown = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            Optional<ConfigKey> key = ConfigKey.byKey(name.strip());
            if (key.isEmpty()) {
                unknown.add(name);
                continue;
            }
            nonBlank(properties.getProperty(name)).ifPresent(value ->
                    settings.put(key.get(), new Setting(key.get(), value, Origin.FILE, file.toString())));
        }
        unknown.forEach(name -> errors.add(new ConfigError(Set.of(),
                "config file " + file + ": unknown key '" + name + "' (run 'opencentral config' to list the keys)")));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
