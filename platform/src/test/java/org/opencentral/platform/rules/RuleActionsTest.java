package org.opencentral.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleHistoryEntry.Kind;
import org.opencentral.core.security.AuditEntry;
import org.opencentral.core.testing.HttpReceiver;
import org.opencentral.platform.rules.action.ActionSender;

/**
 * Device actions sent from the outbox through the services the API uses, audited as the rule, and
 * "send test" of any action with a sample payload, against a real HTTP receiver.
 */
@Timeout(60)
class RuleActionsTest extends RuleEngineFixture {

    final HttpReceiver receiver = HttpReceiver.start();

    @AfterEach
    void stopReceiving() {
        receiver.close();
    }

    @Test
    void deviceActionsGoThroughTheApisServicesAuditedAsTheRuleAndAnOfflineCommandIsARecordedFailure() {
        rules.put("acts", Json.parse(rule("\"actions\": [" + RuleServiceTest.COMMAND + ", "
                + RuleServiceTest.PROPERTY + ", " + RuleServiceTest.CLOUD.replace("resolve", "fire") + "]", HOT)));
        send("{\"temperature\": 31}");

        new ActionSender(state.rules(), stores.delivery(), clock).runOnce();

        assertThat(state.twins().find(DEVICE).orElseThrow().desired().properties().path("target").asDouble())
                .isEqualTo(21.5);
        assertThat(state.cloudProperties().list(DEVICE)).extracting(v -> v.name() + "=" + v.value().asText())
                .containsExactly("site=north");
        RuleHistoryEntry failed = history("acts").stream().filter(e -> e.kind() == Kind.ACTION_FAILED).findFirst()
                .orElseThrow();
        assertThat(failed.detail().path("type").asText()).isEqualTo("command");
        assertThat(failed.detail().path("error").asText()).isEqualTo("device offline");
        assertThat(kinds("acts")).containsExactly(Kind.FIRED, Kind.ACTION_FAILED, Kind.ACTION_SENT, Kind.ACTION_SENT);
        assertThat(state.auditLog().list(Optional.empty(), 10).items()).extracting(AuditEntry::actor,
                AuditEntry::action).contains(org.assertj.core.groups.Tuple.tuple("rule:acts",
                        "PATCH /api/devices/{deviceId}/properties"));
    }

    @Test
    void aTestSendsTheActionOnceWithASamplePayloadAndChangesNothing() {
        rules.put("hot", Json.parse(rule("\"actions\": [" + webhook("") + ", " + webhook(", \"on\": \"resolve\"")
                + "]", HOT)));

        ActionTests.Outcome sent = rules.test("hot", 0, Optional.empty());
        ActionTests.Outcome resolved = rules.test("hot", 1, Optional.of(DEVICE));

        assertThat(sent.sent()).isTrue();
        JsonNode payload = receiver.take().orElseThrow().json();
        assertThat(payload.path("test").asBoolean()).isTrue();
        assertThat(payload.at("/device/id").asText()).isEqualTo("sample-device");
        assertThat(payload.at("/device/telemetry/temperature/value").asInt()).isEqualTo(30);
        assertThat(payload.at("/rule/id").asText()).isEqualTo("hot");
        assertThat(resolved.sent()).isTrue();
        JsonNode resolve = receiver.take().orElseThrow().json();
        assertThat(resolve.path("state").asText()).isEqualTo("resolved");
        assertThat(resolve.at("/device/id").asText()).isEqualTo(DEVICE.value());
        assertThat(history("hot")).isEmpty();
        assertThat(state.rules().dueActions(clock.instant().plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void aTestThatFailsSaysWhyAndADeviceActionsTestNeedsADevice() {
        rules.put("hot", Json.parse(rule("\"actions\": [" + webhook("") + ", " + RuleServiceTest.COMMAND + "]", HOT)));
        receiver.answer(404);

        assertThat(rules.test("hot", 0, Optional.empty())).isEqualTo(new ActionTests.Outcome(false,
                "the webhook answered 404"));
        assertThat(rules.test("hot", 1, Optional.of(DEVICE))).isEqualTo(new ActionTests.Outcome(false,
                "device offline"));
        assertThatThrownBy(() -> rules.test("hot", 1, Optional.empty())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST)).hasMessageContaining("device is required");
        assertThatThrownBy(() -> rules.test("hot", 2, Optional.empty())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(List.copyOf(history("hot"))).isEmpty();
    }

    private String webhook(String extra) {
        return "{\"type\": \"webhook\", \"url\": \"" + receiver.url("/hook") + "\", \"minInterval\": \"PT0S\""
                + extra + "}";
    }
}
