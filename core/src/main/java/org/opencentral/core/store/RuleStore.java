package org.opencentral.core.store;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleChanges;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleInstance;

/** Rules, keyed by id, with their state per device and their history. */
public interface RuleStore {
    Optional<Rule> find(String id);

    /** Rules in id order, {@code limit} at a time after cursor {@code after}. */
    Page<Rule> list(Optional<String> after, int limit);

    /** Creates or replaces the rule; answers whether it was created. */
    boolean put(Rule rule);

    /** Whether a rule was deleted (with its state and history). */
    boolean delete(String id);

    /** The rule's stored state for each device it has seen. */
    List<RuleInstance> instances(String rule);

    /**
     * Stores one evaluation step in one transaction: upserts the instances, appends the history
     * entries whose key is new, and saves the consumer's cursor when a position is given. Instances
     * and entries of rules deleted meanwhile are dropped.
     */
    void record(RuleChanges changes);

    /** The rule's history, newest first, {@code limit} at a time, older than sequence {@code before}. */
    Page<RuleHistoryEntry> history(String rule, Optional<Long> before, int limit);
}
