package org.opencentral.core.rule;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule does when it fires: call a webhook or send an email. {@code minInterval} limits how
 * often the action runs (per rule and action; IoT Central's are 10 s for a webhook, 1 minute for an
 * email, the defaults here); what it suppresses is counted in the rule's history.
 */
public sealed interface RuleAction {
    Duration minInterval();

    /**
     * POSTs IoT Central's rule webhook payload to an http(s) URL, with extra headers; with a
     * {@code secret}, signed (HMAC-SHA256 of the body). The secret is write-only: never shown.
     */
    record Webhook(URI url, Map<String, String> headers, Optional<String> secret, Duration minInterval)
            implements RuleAction {
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

        public Webhook {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme();
            if (!("https".equals(scheme) || "http".equals(scheme)) || url.getHost() == null) {
                throw new IllegalArgumentException("a webhook URL is an absolute http or https URL");
            }
            headers = Map.copyOf(headers);
            Objects.requireNonNull(secret, "secret");
            if (secret.isPresent() && (secret.get().length() < 16 || secret.get().length() > 256)) {
                throw new IllegalArgumentException("a webhook secret is 16 to 256 characters");
            }
            checkInterval(minInterval);
        }

        public Webhook withSecret(Optional<String> newSecret) {
            return new Webhook(url, headers, newSecret, minInterval);
        }
    }

    /** Mails the addresses listed. */
    record Email(List<String> to, Duration minInterval) implements RuleAction {
        public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

        public Email {
            to = List.copyOf(to);
            if (to.isEmpty()) {
                throw new IllegalArgumentException("an email action names at least one address");
            }
            for (String address : to) {
                int at = address.indexOf('@');
                if (at < 1 || at == address.length() - 1 || address.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("'" + address + "' is not an email address");
                }
            }
            checkInterval(minInterval);
        }
    }

    private static void checkInterval(Duration minInterval) {
        if (minInterval.isNegative() || minInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("minInterval is from PT0S to P1D");
        }
    }
}
