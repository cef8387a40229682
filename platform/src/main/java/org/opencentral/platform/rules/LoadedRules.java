package org.opencentral.platform.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
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
 * The rules the engine evaluates, read again at every step: a rule new or changed since the last
 * step is loaded with its stored instances (whose memory of another version of the rule is
 * dropped); a deleted rule is forgotten.
 */
final class LoadedRules {
    private static final int PAGE = 1000;

    /** A rule's evaluator and its instances by device. */
    record Loaded(RuleEvaluator evaluator, Map<DeviceId, Instance> instances) {
        Instance instance(DeviceId device, Instant firstSeen) {
            return instances.computeIfAbsent(device,
                    d -> new Instance(evaluator.rule().id(), d, evaluator.version(), firstSeen));
        }
    }

    private final RuleStore store;
    private Map<String, Loaded> byId = new HashMap<>();
    private Map<String, List<Loaded>> byTemplate = new HashMap<>();

    LoadedRules(RuleStore store) {
        this.store = store;
    }

    void refresh() {
        Map<String, Loaded> next = new HashMap<>();
        Optional<String> after = Optional.empty();
        do {
            Page<Rule> page = store.list(after, PAGE);
            for (Rule rule : page.items()) {
                String version = version(rule);
                Loaded current = byId.get(rule.id());
                next.put(rule.id(), current != null && current.evaluator().version().equals(version) ? current
                        : load(rule, version));
            }
            after = page.next();
        } while (after.isPresent());
        byId = next;
        Map<String, List<Loaded>> templates = new HashMap<>();
        next.values().stream().filter(l -> l.evaluator().rule().enabled())
                .forEach(l -> templates.computeIfAbsent(l.evaluator().rule().template(), t -> new ArrayList<>()).add(l));
        byTemplate = templates;
    }

    /** A loaded rule (of a fire of this step). */
    Rule rule(String id) {
        return byId.get(id).evaluator().rule();
    }

    List<Loaded> forTemplate(String template) {
        return byTemplate.getOrDefault(template, List.of());
    }

    List<Loaded> enabled() {
        return byTemplate.values().stream().flatMap(List::stream).toList();
    }

    void clear() {
        byId = new HashMap<>();
        byTemplate = new HashMap<>();
    }

    private Loaded load(Rule rule, String version) {
        Map<DeviceId, Instance> instances = new HashMap<>();
        int items = rule.conditions().items().size();
        for (RuleInstance stored : store.instances(rule.id())) {
            instances.put(stored.device(), Instance.of(stored, version, items));
        }
        return new Loaded(new RuleEvaluator(rule, version), instances);
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
