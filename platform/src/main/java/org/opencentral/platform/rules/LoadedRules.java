package org.opencentral.platform.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.RuleStore;

/**
 * The rules the engine evaluates, read again at a step after a rule was edited ({@link RuleEdits}) or
 * after {@link #clear}: a rule new or changed since the last read (compared by value, not by its
 * JSON) is loaded with its stored instances (whose memory of another version of the rule is
 * dropped); a deleted rule is forgotten.
 */
final class LoadedRules {
    private static final int PAGE = 1000;
    private static final Comparator<Loaded> BY_ID = Comparator.comparing(l -> l.evaluator().rule().id());

    /** A rule's evaluator and its instances by device. */
    record Loaded(RuleEvaluator evaluator, Map<DeviceId, Instance> instances) {
        Instance instance(DeviceId device, Instant firstSeen) {
            return instances.computeIfAbsent(device, d -> evaluator.instance(d, firstSeen));
        }
    }

    private final RuleStore store;
    private final RuleEdits edits;
    /**
     * How long rules read are used without reading them again when no edit went through this node:
     * edits made through another node of a cluster (same database) are seen within this.
     */
    static final long REREAD_NANOS = 10_000_000_000L;
    /** The edit count the rules were read at; -1: not read (or forgotten). */
    private long readAt = -1;
    /** When they were read ({@link System#nanoTime}). */
    private long readNanos;
    private Map<String, Loaded> byId = new HashMap<>();
    private Map<String, Scope> byTemplate = new HashMap<>();
    /** Per device, its instances of the rules of its template (in {@link #forTemplate}'s order). */
    private final Map<DeviceId, Slots> slots = new HashMap<>();

    /** A template's enabled rules, by id, and their index. */
    record Scope(List<Loaded> rules, RuleIndex index) {
        static final Scope NONE = new Scope(List.of(), RuleIndex.of(List.of()));

        static Scope of(List<Loaded> rules) {
            return new Scope(List.copyOf(rules), RuleIndex.of(rules));
        }
    }

    /**
     * A device's instances of {@code rules} (null: the rule has none for the device yet), and the
     * positions that have one.
     */
    record Slots(List<Loaded> rules, Instance[] instances, BitSet live) {
        void put(int position, Instance instance) {
            instances[position] = instance;
            live.set(position);
        }

        /** Adds the positions of the device's firing instances to {@code candidates}. */
        void addFiring(BitSet candidates) {
            for (int i = live.nextSetBit(0); i >= 0; i = live.nextSetBit(i + 1)) {
                if (instances[i].status == RuleInstance.Status.FIRING) {
                    candidates.set(i);
                }
            }
        }
    }

    LoadedRules(RuleStore store, RuleEdits edits) {
        this.store = store;
        this.edits = edits;
    }

    /**
     * Reads the rules again when one was edited through this node since the last read (an edit during
     * the read: at the next), or {@link #REREAD_NANOS} after the last read (edits through other nodes).
     */
    void refresh() {
        long count = edits.count();
        long now = System.nanoTime();
        if (count == readAt && now - readNanos < REREAD_NANOS) {
            return;
        }
        Map<String, Loaded> next = new HashMap<>();
        Optional<String> after = Optional.empty();
        do {
            Page<Rule> page = store.list(after, PAGE);
            for (Rule rule : page.items()) {
                Loaded current = byId.get(rule.id());
                next.put(rule.id(), current != null && current.evaluator().rule().equals(rule) ? current : load(rule));
            }
            after = page.next();
        } while (after.isPresent());
        byId = next;
        Map<String, List<Loaded>> templates = new HashMap<>();
        next.values().stream().filter(l -> l.evaluator().rule().enabled()).sorted(BY_ID)
                .forEach(l -> templates.computeIfAbsent(l.evaluator().rule().template(), t -> new ArrayList<>()).add(l));
        Map<String, Scope> scopes = new HashMap<>();
        templates.forEach((template, loaded) -> {
            Scope before = byTemplate.get(template);
            scopes.put(template, before != null && same(before.rules(), loaded) ? before : Scope.of(loaded));
        });
        byTemplate = scopes;
        readAt = count;
        readNanos = now;
    }

    /**
     * The device's instances of the rules of its template: one lookup per event instead of one per
     * rule. Made again when that list of rules changed (the device's template, or a rule).
     */
    Slots slots(DeviceId device, List<Loaded> rules) {
        Slots found = slots.get(device);
        if (found == null || found.rules() != rules) {
            found = new Slots(rules, new Instance[rules.size()], new BitSet(rules.size()));
            for (int i = 0; i < rules.size(); i++) {
                Instance instance = rules.get(i).instances().get(device);
                if (instance != null) {
                    found.put(i, instance);
                }
            }
            slots.put(device, found);
        }
        return found;
    }

    /** A loaded rule (of a fire of this step). */
    Rule rule(String id) {
        return byId.get(id).evaluator().rule();
    }

    Scope forTemplate(String template) {
        return byTemplate.getOrDefault(template, Scope.NONE);
    }

    boolean anyEnabled() {
        return !byTemplate.isEmpty();
    }

    List<Loaded> enabled() {
        return byTemplate.values().stream().flatMap(scope -> scope.rules().stream()).toList();
    }

    void clear() {
        readAt = -1;
        byId = new HashMap<>();
        byTemplate = new HashMap<>();
        slots.clear();
    }

    /** Whether two lists hold the same loaded rules (the same objects) in the same order. */
    private static boolean same(List<Loaded> before, List<Loaded> now) {
        if (before == null || before.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (before.get(i) != now.get(i)) {
                return false;
            }
        }
        return true;
    }

    private Loaded load(Rule rule) {
        RuleEvaluator evaluator = new RuleEvaluator(rule, version(rule));
        Map<DeviceId, Instance> instances = new HashMap<>();
        int items = rule.conditions().items().size();
        for (RuleInstance stored : store.instances(rule.id())) {
            instances.put(stored.device(), Instance.of(stored, evaluator.version(), evaluator.remembers(), items));
        }
        return new Loaded(evaluator, instances);
    }

    private static String version(Rule rule) {
        try {
            byte[] json = Json.write(RuleJson.write(rule)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
