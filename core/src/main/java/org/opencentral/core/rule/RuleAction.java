package org.opencentral.core.rule;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a rule does when it fires: call a webhook or send an email. */
public sealed interface RuleAction {

    /** POSTs IoT Central's rule webhook payload to an http(s) URL, with extra headers. */
    record Webhook(URI url, Map<String, String> headers) implements RuleAction {
        public Webhook {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme();
            if (!("https".equals(scheme) || "http".equals(scheme)) || url.getHost() == null) {
                throw new IllegalArgumentException("a webhook URL is an absolute http or https URL");
            }
            headers = Map.copyOf(headers);
        }
    }

    /** Mails the addresses listed. */
    record Email(List<String> to) implements RuleAction {
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
        }
    }
}
