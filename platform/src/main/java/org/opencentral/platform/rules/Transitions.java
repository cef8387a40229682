package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencentral.core.Json;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleHistoryEntry.Kind;
import org.opencentral.core.rule.RuleInstance.Status;

/**
 * The state machine of one rule's instances (an instance is marked for writing only when its state
 * changes): {@code ok} → {@code firing} when the conditions hold
 * (fired); while firing, again only every {@code renotify} (renotified); {@code firing} → {@code ok}
 * once they have not held for {@code resolveAfter} (resolved). Each transition is a history entry
 * whose key names the rule, the device and the occurrence, so that a step replayed after a crash
 * stores it once; its time is kept to the millisecond, as the history stores it.
 */
final class Transitions {
    private final Rule rule;

    Transitions(Rule rule) {
        this.rule = rule;
    }

    /**
     * One evaluation at {@code at}; the occurrence (of the entry's key) and the values seen are built
     * only when the step makes an entry.
     */
    void step(Instance instance, boolean holds, Instant at, Supplier<String> occurrence, Supplier<ObjectNode> detail,
            List<RuleHistoryEntry> out) {
        if (holds) {
            if (instance.falseSince.isPresent()) {
                instance.falseSince = Optional.empty();
                instance.touch();
            }
            if (instance.status == Status.OK) {
                instance.status = Status.FIRING;
                instance.changedAt = at;
                instance.lastNotified = Optional.of(at);
                instance.touch();
                out.add(entry(instance, Kind.FIRED, at, occurrence, detail));
            } else if (rule.renotify().isPresent() && instance.lastNotified
                    .map(last -> !at.isBefore(last.plus(rule.renotify().get()))).orElse(true)) {
                instance.lastNotified = Optional.of(at);
                instance.touch();
                out.add(entry(instance, Kind.RENOTIFIED, at, occurrence, detail));
            }
        } else if (instance.status == Status.FIRING) {
            if (instance.falseSince.isEmpty()) {
                instance.falseSince = Optional.of(at);
                instance.touch();
            }
            resolveIfQuiet(instance, at, out, occurrence, detail);
        }
    }

    /** Resolves a firing instance whose conditions have not held for the quiet period by {@code now}. */
    void resolveIfQuiet(Instance instance, Instant now, List<RuleHistoryEntry> out) {
        resolveIfQuiet(instance, now, out, () -> "t" + now.toEpochMilli(), Json::object);
    }

    private void resolveIfQuiet(Instance instance, Instant now, List<RuleHistoryEntry> out,
            Supplier<String> occurrence, Supplier<ObjectNode> detail) {
        if (instance.status == Status.FIRING && instance.falseSince.isPresent()
                && !now.isBefore(instance.falseSince.get().plus(rule.resolveAfter()))) {
            instance.status = Status.OK;
            instance.changedAt = now;
            instance.falseSince = Optional.empty();
            instance.touch();
            out.add(entry(instance, Kind.RESOLVED, now, occurrence, detail));
        }
    }

    private RuleHistoryEntry entry(Instance instance, Kind kind, Instant at, Supplier<String> occurrence,
            Supplier<ObjectNode> detail) {
        String key = rule.id() + "/" + instance.device.value() + "/" + kind.wireName() + "/" + occurrence.get();
        return new RuleHistoryEntry(0, key, rule.id(), instance.device, kind, at.truncatedTo(ChronoUnit.MILLIS),
                detail.get());
    }
}
