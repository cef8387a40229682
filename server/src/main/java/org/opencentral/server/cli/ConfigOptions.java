package org.opencentral.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.opencentral.server.config.ConfigException;
import org.opencentral.server.config.ConfigKey;
import org.opencentral.server.config.ConfigLoader;
import org.opencentral.server.config.LoadedConfig;
import org.opencentral.server.config.ServerConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The configuration flags shared by {@code start} and {@code config}, generated from {@link ConfigKey}. */
final class ConfigOptions {
    static final String CONFIG_FILE = "--config";
    private static final int HELP_WIDTH = 80;

    private ConfigOptions() {
    }

    /** Adds {@code --config} and one flag per (non-secret) configuration key. */
    static void addTo(CommandSpec spec, ServerConfig defaults) {
        spec.addOption(OptionSpec.builder(CONFIG_FILE).paramLabel("FILE").type(String.class)
                .description("Read settings from a 'key = value' file (keys as listed by 'opencentral config').",
                        "Env: " + ConfigLoader.CONFIG_FILE_ENV + ".")
                .build());
        for (ConfigKey key : ConfigKey.values()) {
            key.flag().ifPresent(flag -> spec.addOption(OptionSpec.builder(flag)
                    .paramLabel(key.paramLabel()).type(String.class)
                    .description(key.description(),
                            "Default: " + key.describeDefault(defaults) + ". Env: " + key.envName() + ".")
                    .build()));
        }
    }

    /** Help lines for keys that have no flag (secrets): environment variable or config file only. */
    static String environmentOnlyHelp(ServerConfig defaults) {
        StringBuilder text = new StringBuilder(String.format("%nEnvironment variables (or --config file keys) without a flag:%n"));
        for (ConfigKey key : ConfigKey.values()) {
            if (key.flag().isEmpty()) {
                text.append("  ").append(key.envName()).append(System.lineSeparator());
                wrap(key.description() + " Default: " + key.describeDefault(defaults) + ". File key: " + key.key()
                        + ".", text);
            }
        }
        return text.toString();
    }

    /** Appends the text indented by 6 and wrapped at 80 columns. */
    private static void wrap(String words, StringBuilder text) {
        StringBuilder line = new StringBuilder("     ");
        for (String word : words.split(" ")) {
            if (line.length() + 1 + word.length() > HELP_WIDTH) {
                text.append(line).append(System.lineSeparator());
                line = new StringBuilder("     ");
            }
            line.append(' ').append(word);
        }
        text.append(line).append(System.lineSeparator());
    }

    /** Loads the configuration from the parsed flags; prints every error and returns empty if invalid. */
    static Optional<LoadedConfig> load(CommandSpec spec, ConfigLoader loader) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            key.flag().map(flag -> parsed.<String>matchedOptionValue(flag, null))
                    .ifPresent(value -> flags.put(key, value));
        }
        Optional<Path> file = Optional.ofNullable(parsed.<String>matchedOptionValue(CONFIG_FILE, null))
                .filter(f -> !f.isBlank()).map(Path::of);
        try {
            return Optional.of(loader.load(flags, file));
        } catch (ConfigException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("opencentral: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }
}
