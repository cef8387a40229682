package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.ActionOutcome;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.core.rule.RuleChanges;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.core.rule.RuleStatus;

/**
 * Rules: create, replace, page by id, delete; the whole rule survives a reopen. A step's state,
 * history and cursor are stored together; a fire's key stores it once; all of it goes with the rule.
 */
public interface RuleStoreContract extends StoreFixture {
    private static Rule rule(String id, String telemetry) {
        return RuleJson.read(id, Json.parse("""
                {"displayName": "Too hot", "template": "dtmi:example:Thermostat;1",
                 "conditions": {"match": "any", "items": [
                   {"telemetry": "%s", "component": "thermostat1", "operator": ">", "value": 30},
                   {"connectivity": "disconnected"},
                   {"absence": "humidity", "duration": "PT10M"}]},
                 "resolveAfter": "PT5M", "renotify": "PT1H",
                 "actions": [{"type": "webhook", "url": "https://example.com/hook", "headers": {"X-Team": "ops"}},
                             {"type": "email", "to": ["ops@example.com"]}]}
                """.formatted(telemetry)));
    }

    @Test
    default void aRuleIsCreatedThenReplacedAndSurvivesAReopen() {
        Rule first = rule("too-hot", "temperature");
        Rule second = rule("too-hot", "pressure");

        assertThat(store().rules().put(first)).isTrue();
        assertThat(store().rules().find("too-hot")).contains(first);
        assertThat(store().rules().put(second)).isFalse();

        Rule reread = reopen().rules().find("too-hot").orElseThrow();
        assertThat(reread).isEqualTo(second);
        assertThat(reread.resolveAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(store().rules().find("too-cold")).isEmpty();
    }

    @Test
    default void aGroupCloudPropertyComparisonsAndEveryKindOfActionSurviveAReopen() {
        Rule rule = RuleJson.read("acts", Json.parse("""
                {"template": "dtmi:example:Thermostat;1", "group": "north",
                 "conditions": {"items": [
                   {"telemetry": "temperature", "operator": ">", "compareTo": {"cloudProperty": "limit"}}]},
                 "actions": [{"type": "command", "command": "reboot", "component": "c1", "request": {"delay": 5}},
                             {"type": "property", "property": "target", "value": 21.5},
                             {"type": "cloudProperty", "cloudProperty": "site", "value": "north", "on": "resolve"},
                             {"type": "webhook", "url": "https://example.com/hook", "secret": "0123456789abcdef0",
                              "on": "resolve"}]}
                """));

        store().rules().put(rule);

        Rule reread = reopen().rules().find("acts").orElseThrow();
        assertThat(reread).isEqualTo(rule);
        assertThat(reread.group()).contains("north");
        assertThat(reread.actions().get(3).on()).isEqualTo(RuleAction.On.RESOLVE);
    }

    @Test
    default void rulesArePagedInIdOrder() {
        for (String id : List.of("c", "a", "d", "b", "e")) {
            store().rules().put(rule(id, "temperature"));
        }

        var first = store().rules().list(Optional.empty(), 2);
        var second = store().rules().list(first.next(), 2);
        var last = store().rules().list(second.next(), 2);

        assertThat(first.items()).extracting(Rule::id).containsExactly("a", "b");
        assertThat(second.items()).extracting(Rule::id).containsExactly("c", "d");
        assertThat(last.items()).extracting(Rule::id).containsExactly("e");
        assertThat(last.next()).isEmpty();
    }

    @Test
    default void aDeletedRuleIsGone() {
        store().rules().put(rule("too-hot", "temperature"));

        assertThat(store().rules().delete("too-hot")).isTrue();
        assertThat(store().rules().delete("too-hot")).isFalse();
        assertThat(reopen().rules().find("too-hot")).isEmpty();
    }

    Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static RuleInstance instance(String rule, String device, RuleInstance.Status status, int minute) {
        return new RuleInstance(rule, DeviceId.of(device), status, T0.plusSeconds(60L * minute),
                Json.parseObject("{\"truths\": [true, false]}"));
    }

    private static RuleHistoryEntry entry(String key, String rule, RuleHistoryEntry.Kind kind, int minute) {
        return new RuleHistoryEntry(0, key, rule, DeviceId.of("d1"), kind, T0.plusSeconds(60L * minute),
                Json.parseObject("{\"values\": {\"temperature\": 31.5}}"));
    }

    @Test
    default void aStepStoresStateHistoryAndCursorTogether() {
        store().rules().put(rule("hot", "temperature"));
        RuleInstance firing = instance("hot", "d1", RuleInstance.Status.FIRING, 1);

        store().rules().record(new RuleChanges(List.of(firing), List.of(entry("hot/d1/7", "hot",
                RuleHistoryEntry.Kind.FIRED, 1)), List.of(), "rules", OptionalLong.of(7)));
        store().rules().record(new RuleChanges(List.of(instance("hot", "d1", RuleInstance.Status.OK, 2)),
                List.of(entry("hot/d1/7", "hot", RuleHistoryEntry.Kind.FIRED, 1),
                        entry("hot/d1/9", "hot", RuleHistoryEntry.Kind.RESOLVED, 2)), List.of(), "rules",
                OptionalLong.empty()));

        var reopened = reopen();
        assertThat(reopened.rules().instances("hot")).containsExactly(instance("hot", "d1", RuleInstance.Status.OK, 2));
        assertThat(reopened.cursors().position("rules")).isEqualTo(7);
        var history = reopened.rules().history("hot", Optional.empty(), 10).items();
        assertThat(history).extracting(RuleHistoryEntry::key).containsExactly("hot/d1/9", "hot/d1/7");
        assertThat(history.get(1).detail().at("/values/temperature").asDouble()).isEqualTo(31.5);
        assertThat(history.get(1).at()).isEqualTo(T0.plusSeconds(60));
        assertThat(history.get(0).sequence()).isGreaterThan(history.get(1).sequence());
    }

    @Test
    default void statusesCountFiringDevicesAndTellTheNewestFireOfEachRuleAsked() {
        store().rules().put(rule("hot", "temperature"));
        store().rules().put(rule("cold", "temperature"));
        store().rules().put(rule("quiet", "temperature"));
        store().rules().record(new RuleChanges(List.of(instance("hot", "d1", RuleInstance.Status.FIRING, 1),
                instance("hot", "d2", RuleInstance.Status.FIRING, 4), instance("hot", "d3", RuleInstance.Status.OK, 7),
                instance("cold", "d1", RuleInstance.Status.OK, 3)),
                List.of(entry("hot/1", "hot", RuleHistoryEntry.Kind.FIRED, 1),
                        entry("hot/4", "hot", RuleHistoryEntry.Kind.RENOTIFIED, 4),
                        entry("hot/7", "hot", RuleHistoryEntry.Kind.RESOLVED, 7),
                        entry("cold/2", "cold", RuleHistoryEntry.Kind.FIRED, 2),
                        entry("cold/3", "cold", RuleHistoryEntry.Kind.RESOLVED, 3)),
                List.of(), "rules", OptionalLong.empty()));

        var statuses = reopen().rules().statuses(List.of("hot", "cold", "quiet", "missing"));

        assertThat(statuses).containsOnlyKeys("hot", "cold", "quiet");
        assertThat(statuses.get("hot")).isEqualTo(new RuleStatus(2, Optional.of(T0.plusSeconds(240))));
        assertThat(statuses.get("cold")).isEqualTo(new RuleStatus(0, Optional.of(T0.plusSeconds(120))));
        assertThat(statuses.get("quiet")).isEqualTo(RuleStatus.NEVER);
        assertThat(store().rules().statuses(List.of())).isEmpty();
    }

    @Test
    default void historyIsPagedNewestFirstAndGoesWithItsRule() {
        store().rules().put(rule("hot", "temperature"));
        for (int i = 1; i <= 5; i++) {
            store().rules().record(new RuleChanges(List.of(), List.of(entry("k" + i, "hot",
                    RuleHistoryEntry.Kind.FIRED, i)), List.of(), "rules", OptionalLong.empty()));
        }

        var first = store().rules().history("hot", Optional.empty(), 2);
        var second = store().rules().history("hot", first.next().map(Long::parseLong), 2);
        assertThat(first.items()).extracting(RuleHistoryEntry::key).containsExactly("k5", "k4");
        assertThat(second.items()).extracting(RuleHistoryEntry::key).containsExactly("k3", "k2");

        store().rules().delete("hot");
        store().rules().put(rule("hot", "temperature"));
        assertThat(store().rules().history("hot", Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    default void stateAndHistoryOfADeletedRuleAreDropped() {
        store().rules().record(new RuleChanges(List.of(instance("gone", "d1", RuleInstance.Status.FIRING, 1)),
                List.of(entry("gone/1", "gone", RuleHistoryEntry.Kind.FIRED, 1)), List.of(task("gone/1#0", "gone", 1)),
                "rules", OptionalLong.of(3)));

        assertThat(store().rules().instances("gone")).isEmpty();
        assertThat(store().rules().history("gone", Optional.empty(), 10).items()).isEmpty();
        assertThat(store().cursors().position("rules")).isEqualTo(3);
        assertThat(store().rules().dueActions(T0.plusSeconds(3600), 10)).isEmpty();
    }

    private static ActionTask task(String key, String rule, int minute) {
        return new ActionTask(0, key, rule, 0, DeviceId.of("d1"), Json.parseObject("{\"rule\": {\"id\": \"" + rule
                + "\"}}"), 0, T0.plusSeconds(60L * minute));
    }

    @Test
    default void queuedActionsAreDueInOrderRetriedAndFinishedWithTheirHistory() {
        store().rules().put(rule("hot", "temperature"));
        store().rules().record(new RuleChanges(List.of(), List.of(), List.of(task("hot/a#0", "hot", 1),
                task("hot/b#0", "hot", 2), task("hot/c#0", "hot", 5)), "rules", OptionalLong.empty()));
        store().rules().record(new RuleChanges(List.of(), List.of(), List.of(task("hot/a#0", "hot", 1)), "rules",
                OptionalLong.empty()));

        List<ActionTask> due = reopen().rules().dueActions(T0.plusSeconds(120), 10);
        assertThat(due).extracting(ActionTask::key).containsExactly("hot/a#0", "hot/b#0");
        assertThat(due.getFirst().payload().at("/rule/id").asText()).isEqualTo("hot");

        store().rules().finish(new ActionOutcome(due.get(0), Optional.of(T0.plusSeconds(600)), Optional.of("503"),
                Optional.empty()));
        store().rules().finish(new ActionOutcome(due.get(1), Optional.empty(), Optional.empty(),
                Optional.of(entry("hot/b#0/sent", "hot", RuleHistoryEntry.Kind.ACTION_SENT, 3))));

        assertThat(store().rules().dueActions(T0.plusSeconds(599), 10)).extracting(ActionTask::key)
                .containsExactly("hot/c#0");
        ActionTask retried = store().rules().dueActions(T0.plusSeconds(600), 10).getLast();
        assertThat(retried.key()).isEqualTo("hot/a#0");
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(store().rules().history("hot", Optional.empty(), 10).items()).extracting(RuleHistoryEntry::kind)
                .containsExactly(RuleHistoryEntry.Kind.ACTION_SENT);
    }

    @Test
    default void aWebhookSecretIsSealedAtRestAndNeverInTheDocument() {
        Rule signed = RuleJson.read("signed", Json.parse("""
                {"template": "dtmi:example:Thermostat;1", "conditions": {"items": [{"connectivity": "connected"}]},
                 "actions": [{"type": "email", "to": ["a@example.com"]},
                             {"type": "webhook", "url": "https://example.com/h", "secret": "a-secret-of-24-characters"}]}
                """));

        store().rules().put(signed);

        assertThat(reopen().rules().find("signed")).contains(signed);
        assertThat(RuleJson.write(signed).toString()).doesNotContain("a-secret-of-24-characters");
        try (var connection = rawConnection(); var rows = connection.createStatement()
                .executeQuery("SELECT document, secrets FROM rules WHERE id = 'signed'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1) + rows.getString(2)).doesNotContain("a-secret-of-24-characters");
            assertThat(rows.getString(2)).contains("enc1:");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
