package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleJson;

/** Rules: create, replace, page by id, delete; the whole rule survives a reopen. */
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
}
