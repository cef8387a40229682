package org.opencentral.server.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP server rule email actions are sent through; without a host, email actions are refused.
 *
 * @param host     the SMTP server; none disables email
 * @param port     its port (587 for STARTTLS, 465 for TLS, 25 for none, by convention)
 * @param security {@code starttls} (upgrade a plain connection, required), {@code tls} (TLS from
 *                 the start) or {@code none}
 * @param user     the login, if the server wants one
 * @param password the login's password
 * @param from     the sender address
 */
public record SmtpConfig(Optional<String> host, int port, Security security, Optional<String> user,
        Optional<String> password, String from) {
    /** How the connection to the SMTP server is protected. */
    public enum Security {
        STARTTLS, TLS, NONE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SmtpConfig {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("smtp port must be 1 to 65535, was " + port);
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (from == null || from.indexOf('@') < 1) {
            throw new IllegalArgumentException("the sender address must be an email address");
        }
    }

    public static SmtpConfig none() {
        return new SmtpConfig(Optional.empty(), 587, Security.STARTTLS, Optional.empty(), Optional.empty(),
                "opencentral@localhost");
    }

    public boolean enabled() {
        return host.isPresent();
    }
}
