package org.opencentral.core.rule;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one evaluation step changed, stored in one transaction: the instances to write, the history
 * to append, the actions its fires queue (the action outbox) and, for a step over the event log,
 * the engine's cursor after it.
 */
public record RuleChanges(List<RuleInstance> instances, List<RuleHistoryEntry> history, List<ActionTask> actions,
        String consumer, OptionalLong position) {
    public RuleChanges {
        instances = List.copyOf(instances);
        history = List.copyOf(history);
        actions = List.copyOf(actions);
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(position, "position");
    }

    public boolean isEmpty() {
        return instances.isEmpty() && history.isEmpty() && actions.isEmpty() && position.isEmpty();
    }
}
