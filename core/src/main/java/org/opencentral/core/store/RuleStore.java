package org.opencentral.core.store;

import java.util.Optional;
import org.opencentral.core.rule.Rule;

/** Rules, keyed by id. */
public interface RuleStore {
    Optional<Rule> find(String id);

    /** Rules in id order, {@code limit} at a time after cursor {@code after}. */
    Page<Rule> list(Optional<String> after, int limit);

    /** Creates or replaces the rule; answers whether it was created. */
    boolean put(Rule rule);

    /** Whether a rule was deleted (with its state and history). */
    boolean delete(String id);
}
