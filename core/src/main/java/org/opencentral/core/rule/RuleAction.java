package org.opencentral.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule does when it fires ({@code on} {@link On#FIRE}) or resolves ({@link On#RESOLVE}):
 * call a webhook, send an email, or, beyond IoT Central, run a command on the device, set one of
 * its writable properties or one of its cloud properties. {@code minInterval} limits how often the
 * action runs (per rule and action; IoT Central's are 10 s for a webhook, 1 minute for an email,
 * the defaults here; none for the device actions); what it suppresses is counted in the rule's
 * history.
 */
public sealed interface RuleAction {
    Duration minInterval();

    On on();

    /** When an action runs: when its rule fires (and re-notifies) or when it resolves. */
    enum On {
        FIRE("fire"), RESOLVE("resolve");

        private final String wireName;

        On(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<On> of(String wireName) {
            return Arrays.stream(values()).filter(o -> o.wireName.equals(wireName)).findFirst();
        }
    }

    /**
     * POSTs IoT Central's rule webhook payload to an http(s) URL, with extra headers; with a
     * {@code secret}, signed (HMAC-SHA256 of the body). The secret is write-only: never shown.
     */
    record Webhook(URI url, Map<String, String> headers, Optional<String> secret, Duration minInterval, On on)
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
            checkInterval(minInterval, on);
        }

        public Webhook withSecret(Optional<String> newSecret) {
            return new Webhook(url, headers, newSecret, minInterval, on);
        }
    }

    /** Mails the addresses listed. */
    record Email(List<String> to, Duration minInterval, On on) implements RuleAction {
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
            checkInterval(minInterval, on);
        }
    }

    /** Runs a command of the device (in a component, or the root), with an optional request payload. */
    record Command(Capability command, Optional<JsonNode> request, Duration minInterval, On on) implements RuleAction {
        public Command {
            Objects.requireNonNull(command, "command");
            request = Objects.requireNonNull(request, "request").map(JsonNode::deepCopy);
            checkInterval(minInterval, on);
        }

        @Override
        public Optional<JsonNode> request() {
            return request.map(JsonNode::deepCopy);
        }
    }

    /** Sets a writable device property (a desired-property patch the device receives). */
    record Property(Capability property, JsonNode value, Duration minInterval, On on) implements RuleAction {
        public Property {
            Objects.requireNonNull(property, "property");
            value = Objects.requireNonNull(value, "value").deepCopy();
            checkInterval(minInterval, on);
        }

        @Override
        public JsonNode value() {
            return value.deepCopy();
        }
    }

    /** Sets a cloud property of the device. */
    record CloudProperty(Capability cloudProperty, JsonNode value, Duration minInterval, On on) implements RuleAction {
        public CloudProperty {
            Objects.requireNonNull(cloudProperty, "cloudProperty");
            value = Objects.requireNonNull(value, "value").deepCopy();
            checkInterval(minInterval, on);
        }

        @Override
        public JsonNode value() {
            return value.deepCopy();
        }
    }

    private static void checkInterval(Duration minInterval, On on) {
        Objects.requireNonNull(on, "on");
        if (minInterval.isNegative() || minInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("minInterval is from PT0S to P1D");
        }
    }
}
