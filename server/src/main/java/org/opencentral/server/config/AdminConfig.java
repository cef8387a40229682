package org.opencentral.server.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The administrator account created on the first start on an empty data directory.
 *
 * @param email    the administrator's e-mail (login name)
 * @param password the initial password; empty to generate one, printed once on first start
 */
public record AdminConfig(String email, Optional<String> password) {
    public static final String DEFAULT_EMAIL = "admin@localhost";

    public AdminConfig {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }

    public static AdminConfig defaults() {
        return new AdminConfig(DEFAULT_EMAIL, Optional.empty());
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "AdminConfig[email=" + email + ", password=" + (password.isPresent() ? "(set)" : "(generated)") + "]";
    }
}
