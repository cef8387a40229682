package org.opencentral.platform.rules;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the edits of rules on this node: every put, patch and delete goes through
 * {@link RuleService}, which counts it after the store has it. The engine reads the rules from the
 * store again only when the count moved (after a failed step, and every 10 s for edits made through
 * another node on the same database: {@code LoadedRules.REREAD_NANOS}), not at every step: with the
 * prompt lane's small batches, reading and parsing 1,000 rules per step cost more than the step's
 * events (BENCHMARKS.md, issue 14).
 */
public final class RuleEdits {
    private final AtomicLong count = new AtomicLong();

    void edited() {
        count.incrementAndGet();
    }

    long count() {
        return count.get();
    }
}
