package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.core.rule.RuleStatus;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.RuleStore;

/**
 * Rules as the REST API changes them: PUT creates or replaces, PATCH applies a JSON merge patch
 * (RFC 7386) to the rule's JSON form (a patch without {@code actions} keeps them, secrets
 * included; one with {@code actions} replaces them all); every change is checked first.
 */
public final class RuleService {
    public static final int MAX_PAGE = 1000;

    private final RuleStore store;
    private final RuleEdits edits;
    private final RuleChecker checker;
    private final RuleReplay replay;
    private final ActionTests tests;

    public RuleService(RuleStore store, RuleEdits edits, RuleChecker checker, RuleReplay replay, ActionTests tests) {
        this.store = Objects.requireNonNull(store, "store");
        this.edits = Objects.requireNonNull(edits, "edits");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.replay = Objects.requireNonNull(replay, "replay");
        this.tests = Objects.requireNonNull(tests, "tests");
    }

    /** A stored rule and whether the call created it. */
    public record Saved(Rule rule, boolean created) {
    }

    public Rule get(String id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("rule '" + id + "'"));
    }

    public Page<Rule> list(Optional<String> after, int limit) {
        return store.list(after, Math.min(limit, MAX_PAGE));
    }

    /** The status of each rule (devices firing now, last fire), one query for all; a rule deleted meanwhile: never fired. */
    public Map<String, RuleStatus> statuses(List<Rule> rules) {
        return store.statuses(rules.stream().map(Rule::id).toList());
    }

    /**
     * Refuses to start a node that cannot send email while a stored rule has an email action, so
     * that no fire is ever recorded as sent that could not be.
     */
    public void requireNoEmailActions() {
        Optional<String> after = Optional.empty();
        do {
            Page<Rule> page = store.list(after, MAX_PAGE);
            for (Rule rule : page.items()) {
                if (rule.actions().stream().anyMatch(RuleAction.Email.class::isInstance)) {
                    throw new IllegalStateException("rule '" + rule.id() + "' sends email, but no SMTP server is "
                            + "configured: set --smtp-host (OPENCENTRAL_SMTP_HOST) or remove its email action");
                }
            }
            after = page.next();
        } while (after.isPresent());
    }

    public Saved put(String id, JsonNode body) {
        Rule rule = RuleJson.read(id, body);
        checker.check(rule);
        boolean created = store.put(rule);
        edits.edited();
        return new Saved(rule, created);
    }

    public Rule patch(String id, JsonNode patch) {
        if (!patch.isObject()) {
            throw DomainException.badRequest("a rule patch is a JSON object");
        }
        Rule current = get(id);
        ObjectNode merged = RuleJson.write(current);
        merge(merged, (ObjectNode) patch);
        Rule rule = RuleJson.read(id, merged);
        if (!patch.has("actions")) {
            rule = rule.withActions(current.actions()); // keeps webhook secrets, which the JSON form never holds
        }
        checker.check(rule);
        store.put(rule);
        edits.edited();
        return rule;
    }

    /** The rule's fires and resolves, newest first, older than sequence {@code before} when given. */
    public Page<RuleHistoryEntry> history(String id, Optional<Long> before, int limit) {
        get(id);
        return store.history(id, before, Math.min(limit, MAX_PAGE));
    }

    /**
     * A dry run over {@code [from, to]} of the log: of the stored rule, or of {@code candidate} (a
     * rule body, checked like a PUT, not stored) under the path's id.
     */
    public RuleReplay.Result replay(String id, Optional<JsonNode> candidate, Instant from, Instant to) {
        Rule rule = candidate.map(body -> {
            Rule read = RuleJson.read(id, body);
            checker.check(read);
            return read;
        }).orElseGet(() -> get(id));
        return replay.replay(rule, from, to);
    }

    /** "Send test": tries action {@code index} of the stored rule once with a sample payload (see {@link ActionTests}). */
    public ActionTests.Outcome test(String id, int index, Optional<DeviceId> device) {
        return tests.test(get(id), index, device);
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw DomainException.notFound("rule '" + id + "'");
        }
        edits.edited();
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(member -> {
            JsonNode value = member.getValue();
            JsonNode current = target.get(member.getKey());
            if (value.isNull()) {
                target.remove(member.getKey());
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value);
            } else {
                target.set(member.getKey(), value.deepCopy());
            }
        });
    }
}
