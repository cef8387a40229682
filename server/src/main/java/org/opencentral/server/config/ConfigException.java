package org.opencentral.server.config;

import java.util.List;

/** The configuration is invalid; carries every error found, not only the first. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(format(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String format(List<ConfigError> errors) {
        StringBuilder text = new StringBuilder("invalid configuration (" + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + "):");
        errors.forEach(e -> text.append(System.lineSeparator()).append("  - ").append(e.message()));
        return text.toString();
    }
}
