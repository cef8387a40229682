package org.opencentral.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.rule.ActionOutcome;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleChanges;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.rule.RuleStatus;

/** Rules, keyed by id, with their state per device and their history. */
public interface RuleStore {
    Optional<Rule> find(String id);

    /** Rules in id order, {@code limit} at a time after cursor {@code after}. */
    Page<Rule> list(Optional<String> after, int limit);

    /** Creates or replaces the rule (webhook secrets sealed at rest); answers whether it was created. */
    boolean put(Rule rule);

    /** Whether a rule was deleted (with its state and history). */
    boolean delete(String id);

    /** The rule's stored state for each device it has seen. */
    List<RuleInstance> instances(String rule);

    /**
     * The status of each of the stored {@code rules} (devices firing now, newest fire or
     * re-notification), read with one aggregate query; rules not stored are absent.
     */
    Map<String, RuleStatus> statuses(Collection<String> rules);

    /**
     * Stores one evaluation step in one transaction: upserts the instances, appends the history
     * entries and queues the actions whose key is new, and saves the consumer's cursor when a
     * position is given. What belongs to rules deleted meanwhile is dropped.
     */
    void record(RuleChanges changes);

    /** The rule's history, newest first, {@code limit} at a time, older than sequence {@code before}. */
    Page<RuleHistoryEntry> history(String rule, Optional<Long> before, int limit);

    /** Queued actions due at {@code now}, oldest first, at most {@code limit}. */
    List<ActionTask> dueActions(Instant now, int limit);

    /**
     * Stores a try's outcome in one transaction: the task stays queued (attempts + 1, due at the
     * retry time) or leaves the outbox, and the outcome's history entry is appended.
     */
    void finish(ActionOutcome outcome);
}
