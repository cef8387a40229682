package org.opencentral.core.rule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one try of a queued action: sent, suppressed by its rate limit, failed for good
 * (all of them leave the outbox), or to be tried again at {@code retryAt}; with the history entry
 * to append in the same transaction, if any.
 */
public record ActionOutcome(ActionTask task, Optional<Instant> retryAt, Optional<String> error,
        Optional<RuleHistoryEntry> history) {
    public ActionOutcome {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(history, "history");
    }
}
