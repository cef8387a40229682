package org.opencentral.platform.rules.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.rule.ActionOutcome;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleHistoryEntry.Kind;
import org.opencentral.core.store.RuleStore;
import org.opencentral.platform.background.BackgroundLoop;

/**
 * Sends the actions fires and resolves queued in the outbox (through {@link ActionDelivery}), oldest first, each try's outcome stored with its
 * history entry in one transaction: sent ({@code actionSent}, with how many sends the action's
 * {@code minInterval} suppressed since the last one), retried with exponential backoff (1 s
 * doubling to 5 minutes) up to {@value #MAX_ATTEMPTS} tries, or failed ({@code actionFailed}, with
 * the error). An action whose rule is gone is dropped. A crash between a send and its outcome sends
 * again with the same idempotency key. {@link #runOnce()} is one step on the injected clock.
 */
public final class ActionSender implements AutoCloseable {
    public static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 50;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final RuleStore store;
    private final ActionDelivery delivery;
    private final Clock clock;
    private final BackgroundLoop loop;
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Map<String, Integer> suppressed = new HashMap<>();

    public ActionSender(RuleStore store, ActionDelivery delivery, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.clock = clock;
        this.loop = new BackgroundLoop("rule-actions", () -> runOnce() == BATCH
                ? BackgroundLoop.Next.AGAIN : BackgroundLoop.Next.IDLE);
    }

    /** Tries the actions due now; returns how many it tried. */
    public synchronized int runOnce() {
        List<ActionTask> due = store.dueActions(clock.instant(), BATCH);
        for (ActionTask task : due) {
            store.finish(attempt(task, clock.instant()));
        }
        return due.size();
    }

    public void start() {
        loop.start();
    }

    /** Runs a step soon (after fires were queued). */
    public void wake() {
        loop.wake();
    }

    private ActionOutcome attempt(ActionTask task, Instant now) {
        Optional<Rule> rule = store.find(task.rule()).filter(r -> task.action() < r.actions().size());
        if (rule.isEmpty()) {
            return done(task, Optional.empty());
        }
        Optional<RuleAction> action = rule.map(r -> r.actions().get(task.action()));
        String limit = task.rule() + "#" + task.action();
        if (task.attempts() == 0 && lastSent.containsKey(limit)
                && now.isBefore(lastSent.get(limit).plus(action.get().minInterval()))) {
            suppressed.merge(limit, 1, Integer::sum);
            return done(task, Optional.empty());
        }
        return switch (delivery.deliver(rule.get(), task)) {
            case Delivery.Sent s -> {
                lastSent.put(limit, now);
                ObjectNode detail = detail(task, action.get());
                detail.put("suppressed", Optional.ofNullable(suppressed.remove(limit)).orElse(0));
                yield done(task, Optional.of(entry(task, Kind.ACTION_SENT, now, detail)));
            }
            case Delivery.Retry r when task.attempts() + 1 < MAX_ATTEMPTS ->
                    new ActionOutcome(task, Optional.of(now.plus(backoff(task.attempts()))), Optional.of(r.error()),
                            Optional.empty());
            case Delivery.Retry r -> failed(task, action.get(), now, r.error());
            case Delivery.Failed f -> failed(task, action.get(), now, f.error());
        };
    }

    private ActionOutcome failed(ActionTask task, RuleAction action, Instant now, String error) {
        ObjectNode detail = detail(task, action);
        detail.put("error", error);
        return done(task, Optional.of(entry(task, Kind.ACTION_FAILED, now, detail)));
    }

    private static ActionOutcome done(ActionTask task, Optional<RuleHistoryEntry> history) {
        return new ActionOutcome(task, Optional.empty(), Optional.empty(), history);
    }

    static Duration backoff(int attempts) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts, 16));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private static ObjectNode detail(ActionTask task, RuleAction action) {
        ObjectNode detail = Json.object();
        detail.put("action", task.action());
        detail.put("type", ActionDelivery.type(action));
        detail.put("fire", task.key().substring(0, task.key().lastIndexOf('#')));
        detail.put("attempts", task.attempts() + 1);
        return detail;
    }

    private static RuleHistoryEntry entry(ActionTask task, Kind kind, Instant at, ObjectNode detail) {
        return new RuleHistoryEntry(0, task.key() + "/" + kind.wireName(), task.rule(), task.device(), kind, at, detail);
    }

    @Override
    public void close() {
        loop.close();
    }
}
