package org.opencentral.server.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Logging.
 *
 * @param format {@code text} (one concise line per event) or {@code json} (one JSON object per line)
 * @param level  the level of OpenCentral's own loggers; third-party libraries stay at WARN
 */
public record LogConfig(Format format, Level level) {

    public LogConfig {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(level, "level");
    }

    public static LogConfig defaults() {
        return new LogConfig(Format.TEXT, Level.INFO);
    }

    public enum Format {
        TEXT, JSON;

        /** The lower-case name used in files, variables and flags. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
