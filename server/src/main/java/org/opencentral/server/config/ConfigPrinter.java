package org.opencentral.server.config;

import java.util.Optional;

/**
 * Prints a configuration as a commented {@code key = value} file that {@code --config} accepts:
 * each key with its documentation, its environment variable and flag, and where its value came
 * from. Secrets are masked and commented out.
 */
public final class ConfigPrinter {
    private static final String NL = System.lineSeparator();

    private ConfigPrinter() {
    }

    /** Prints without origins (every value shown as effective). */
    public static String render(ServerConfig config) {
        return render(config, Optional.empty());
    }

    public static String render(LoadedConfig loaded) {
        return render(loaded.config(), Optional.of(loaded));
    }

    private static String render(ServerConfig config, Optional<LoadedConfig> loaded) {
        StringBuilder out = new StringBuilder();
        out.append("# OpenCentral effective configuration (secrets masked).").append(NL)
                .append("# Precedence: defaults < --config file < OPENCENTRAL_* environment < flags.").append(NL);
        for (ConfigKey key : ConfigKey.values()) {
            out.append(NL).append("# ").append(key.description()).append(NL);
            out.append("#   ").append(key.flag().map(f -> f + " " + key.paramLabel() + " | ").orElse(""))
                    .append(key.envName());
            loaded.ifPresent(l -> out.append(" | from: ").append(source(l, key)));
            out.append(NL).append(line(key, key.render(config))).append(NL);
        }
        return out.toString();
    }

    private static String source(LoadedConfig loaded, ConfigKey key) {
        return loaded.setting(key).map(Setting::source).orElse("default");
    }

    private static String line(ConfigKey key, String value) {
        if (!key.secret()) {
            return key.key() + " = " + value;
        }
        return "# " + key.key() + " = " + (value.isEmpty() ? "(not set)" : "******** (set, hidden)");
    }
}
