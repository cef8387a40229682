package org.opencentral.core.rule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule is doing, as the server keeps it: how many devices it is firing for now (its
 * instances in {@code firing}) and when it last fired or re-notified, if ever.
 */
public record RuleStatus(int firing, Optional<Instant> lastFired) {
    public static final RuleStatus NEVER = new RuleStatus(0, Optional.empty());

    public RuleStatus {
        if (firing < 0) {
            throw new IllegalArgumentException("firing must not be negative");
        }
        Objects.requireNonNull(lastFired, "lastFired");
    }
}
