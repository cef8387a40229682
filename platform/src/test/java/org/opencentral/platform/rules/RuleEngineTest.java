package org.opencentral.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleHistoryEntry.Kind;
import org.opencentral.core.rule.RuleInstance;

/** The engine's evaluation: thresholds, all/any, windows, absences, restarts and replays. */
@Timeout(60)
class RuleEngineTest extends RuleEngineFixture {

    @Test
    void aThresholdRuleFiresOnceResolvesAfterItsQuietPeriodAndFiresAgain() {
        rules.put("hot", Json.parse(rule("\"resolveAfter\": \"PT1M\"",
                "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}")));

        send("{\"temperature\": 31.5}");
        send("{\"temperature\": 35}");
        assertThat(kinds("hot")).containsExactly(Kind.FIRED);
        assertThat(history("hot").getFirst().detail().at("/telemetry/temperature/value").asDouble()).isEqualTo(31.5);

        send("{\"temperature\": 20}");
        clock.advance(Duration.ofSeconds(59));
        engine.runOnce();
        assertThat(instance("hot").status()).isEqualTo(RuleInstance.Status.FIRING);
        clock.advance(Duration.ofSeconds(1));
        engine.runOnce();
        assertThat(instance("hot").status()).isEqualTo(RuleInstance.Status.OK);

        send("{\"temperature\": 40}");
        assertThat(kinds("hot")).containsExactly(Kind.FIRED, Kind.RESOLVED, Kind.FIRED);
    }

    @Test
    void aMemberItemComparesOneFieldOfAnObjectTelemetry() {
        rules.put("moved", Json.parse(rule("",
                "{\"telemetry\": \"position\", \"member\": \"x\", \"operator\": \">\", \"value\": 5}")));

        send("{\"position\": {\"x\": 4}}");
        send("{\"position\": {}}");
        send("{\"temperature\": 50}");
        assertThat(kinds("moved")).isEmpty();

        send("{\"position\": {\"x\": 7.5}}");
        assertThat(kinds("moved")).containsExactly(Kind.FIRED);
        assertThat(history("moved").getFirst().detail().at("/telemetry/position.x/value").asDouble()).isEqualTo(7.5);
    }

    @Test
    void whileFiringARuleNotifiesAgainOnlyEveryRenotifyInterval() {
        rules.put("hot", Json.parse(rule("\"renotify\": \"PT10M\"",
                "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}")));

        send("{\"temperature\": 31}");
        clock.advance(Duration.ofMinutes(5));
        send("{\"temperature\": 32}");
        clock.advance(Duration.ofMinutes(5));
        send("{\"temperature\": 33}");

        assertThat(kinds("hot")).containsExactly(Kind.FIRED, Kind.RENOTIFIED);
    }

    @Test
    void allNeedsEveryItemAndAnyOne() {
        String items = "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}, "
                + "{\"property\": \"firmware\", \"operator\": \"==\", \"value\": \"1.0\"}";
        rules.put("all", Json.parse(rule("", items)));
        rules.put("any", Json.parse(rule("", items).replace("\"all\"", "\"any\"")));

        send("{\"temperature\": 31}");
        assertThat(kinds("all")).isEmpty();
        assertThat(kinds("any")).containsExactly(Kind.FIRED);

        append(new PlatformEvent.ReportedPropertiesUpdated(DEVICE, clock.instant(),
                Json.parseObject("{\"firmware\": \"1.0\"}"), 2));
        assertThat(kinds("all")).containsExactly(Kind.FIRED);
        assertThat(history("all").getFirst().detail().at("/properties/firmware/value").asText()).isEqualTo("1.0");
    }

    @Test
    void anAggregatedRuleEvaluatesEachMinuteOnceItsLatenessHasPassed() {
        rules.put("avg", Json.parse(rule("\"window\": \"PT1M\", \"lateness\": \"PT5S\"",
                "{\"telemetry\": \"temperature\", \"aggregation\": \"avg\", \"operator\": \">\", \"value\": 30}")));

        send("{\"temperature\": 20}");
        clock.advance(Duration.ofSeconds(20));
        send("{\"temperature\": 50}");
        clock.advance(Duration.ofSeconds(20));
        send("{\"temperature\": 30}");
        clock.advance(Duration.ofSeconds(24));
        engine.runOnce();
        assertThat(kinds("avg")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        engine.runOnce();
        assertThat(kinds("avg")).containsExactly(Kind.FIRED);
        JsonNode detail = history("avg").getFirst().detail();
        assertThat(detail.at("/telemetry/temperature/avg").asDouble()).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
        assertThat(detail.at("/window/start").asText()).isEqualTo(START.toString());
        assertThat(history("avg").getFirst().at()).isEqualTo(START.plusSeconds(60));

        send("{\"temperature\": 10}");
        clock.advance(Duration.ofMinutes(1));
        engine.runOnce();
        assertThat(kinds("avg")).containsExactly(Kind.FIRED, Kind.RESOLVED);
    }

    @Test
    void anAbsenceFiresWhenTheDeviceGoesQuietAndResolvesWhenItSpeaksAgain() {
        rules.put("quiet", Json.parse(rule("", "{\"absence\": \"temperature\", \"duration\": \"PT10M\"}")));

        send("{\"temperature\": 21}");
        clock.advance(Duration.ofMinutes(9));
        engine.runOnce();
        assertThat(kinds("quiet")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        engine.runOnce();
        engine.runOnce();
        assertThat(kinds("quiet")).containsExactly(Kind.FIRED);

        send("{\"temperature\": 22}");
        assertThat(kinds("quiet")).containsExactly(Kind.FIRED, Kind.RESOLVED);
    }

    @Test
    void afterARestartTheEngineContinuesFromItsStoredStateWithoutFiringAgain() {
        rules.put("hot", Json.parse(rule("", "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}")));
        rules.put("avg", Json.parse(rule("\"window\": \"PT1M\", \"lateness\": \"PT0S\"",
                "{\"telemetry\": \"temperature\", \"aggregation\": \"max\", \"operator\": \">\", \"value\": 45}")));
        send("{\"temperature\": 31}");
        send("{\"temperature\": 50}");

        start();
        send("{\"temperature\": 32}");
        clock.advance(Duration.ofMinutes(1));
        engine.runOnce();

        assertThat(kinds("hot")).containsExactly(Kind.FIRED);
        assertThat(kinds("avg")).containsExactly(Kind.FIRED);
        assertThat(history("avg").getFirst().detail().at("/telemetry/temperature/max").asDouble()).isEqualTo(50);
        assertThat(state.cursors().position(RuleEngine.NAME)).isEqualTo(log.lastSequence());
    }

    @Test
    void aRuleOfOneConstantItemStoresStateOnlyForTheDevicesItFiredForAndKeepsItAcrossARestart() {
        DeviceId calm = otherDevice();
        rules.put("hot", Json.parse(rule("\"resolveAfter\": \"PT1M\"", HOT)));
        rules.put("both", Json.parse(rule("",
                HOT + ", {\"telemetry\": \"status\", \"operator\": \"==\", \"value\": \"alarm\"}")));

        send(calm, "{\"temperature\": 20, \"status\": \"alarm\"}");
        send("{\"temperature\": 31}");
        send(calm, "{\"temperature\": 21}");

        assertThat(state.rules().instances("hot")).extracting(RuleInstance::device).containsExactly(DEVICE);
        assertThat(state.rules().instances("both")).extracting(RuleInstance::device)
                .containsExactlyInAnyOrder(DEVICE, calm);

        start();
        send("{\"temperature\": 20}");
        send(calm, "{\"temperature\": 35}");
        clock.advance(Duration.ofMinutes(1));
        engine.runOnce();

        assertThat(history("hot")).extracting(RuleHistoryEntry::device, RuleHistoryEntry::kind).containsExactly(
                tuple(DEVICE, Kind.FIRED), tuple(calm, Kind.FIRED),
                tuple(DEVICE, Kind.RESOLVED));
        assertThat(history("both")).extracting(RuleHistoryEntry::device).containsExactly(calm);
        assertThat(history("both").getFirst().detail().at("/telemetry/status/value").asText()).isEqualTo("alarm");
    }

    @Test
    void theLagIsTheAgeOfTheOldestUnreadEventNotTheQuietTimeBeforeIt() {
        rules.put("hot", Json.parse(rule("", HOT)));
        send("{\"temperature\": 21}");
        assertThat(engine.lag()).isZero();

        clock.advance(Duration.ofMinutes(5));
        log.append(new PlatformEvent.TelemetryReceived(DEVICE, clock.instant(), Optional.empty(), Map.of(), Map.of(),
                "{\"temperature\": 22}".getBytes(StandardCharsets.UTF_8))).join();
        clock.advance(Duration.ofSeconds(2));
        assertThat(engine.lag()).as("one event 2 s old waits, after 5 quiet minutes").isEqualTo(Duration.ofSeconds(2));
        runner.runOnce();
        assertThat(engine.lag()).isZero();
    }

    @Test
    void afterARestartTimePassesOnlyOnceTheWaitingEventsAreRead() {
        rules.put("quiet", Json.parse(rule("", "{\"absence\": \"temperature\", \"duration\": \"PT10M\"}")));
        send("{\"temperature\": 21}");

        start();
        clock.advance(Duration.ofMinutes(11));
        log.append(new PlatformEvent.TelemetryReceived(DEVICE, clock.instant(), Optional.empty(), Map.of(), Map.of(),
                "{\"temperature\": 22}".getBytes(StandardCharsets.UTF_8))).join();
        assertThat(engine.runOnce()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(engine.lag()).as("the waiting message's age").isEqualTo(Duration.ofMinutes(1));

        while (runner.runOnce() > 0) {
            // read the waiting message
        }
        engine.runOnce();
        assertThat(kinds("quiet")).isEmpty();
        assertThat(engine.lag()).isZero();
    }

    @Test
    void aReplayIsADryRunOverARangeOfTheLog() {
        send("{\"temperature\": 25}");
        clock.advance(Duration.ofMinutes(1));
        Instant from = clock.instant();
        send("{\"temperature\": 35}");
        clock.advance(Duration.ofMinutes(1));
        send("{\"temperature\": 20}");
        clock.advance(Duration.ofMinutes(1));
        send("{\"temperature\": 40}");
        Instant to = clock.instant().minusSeconds(1);
        String hot = rule("", "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}");
        rules.put("hot", Json.parse(hot));

        RuleReplay.Result stored = rules.replay("hot", Optional.empty(), from, to);
        RuleReplay.Result candidate = rules.replay("hot", Optional.of(Json.parse(hot.replace("30", "22"))), from,
                clock.instant());

        assertThat(stored.entries()).extracting(RuleHistoryEntry::kind).containsExactly(Kind.FIRED, Kind.RESOLVED);
        assertThat(stored.entries().getFirst().detail().at("/telemetry/temperature/value").asInt()).isEqualTo(35);
        assertThat(stored.eventsRead()).isEqualTo(2);
        assertThat(candidate.entries()).extracting(RuleHistoryEntry::kind)
                .containsExactly(Kind.FIRED, Kind.RESOLVED, Kind.FIRED);
        assertThat(kinds("hot")).isEmpty();
        assertThat(state.rules().instances("hot")).isEmpty();
        assertThat(state.rules().dueActions(clock.instant().plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void devicesOfOtherTemplatesAndDisabledRulesAreNotEvaluated() {
        rules.put("off", Json.parse(rule("\"enabled\": false",
                "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}")));

        send("{\"temperature\": 31}");
        append(new PlatformEvent.TelemetryReceived(DeviceId.of("stranger"), clock.instant(), Optional.empty(),
                Map.of(), Map.of(), "{\"temperature\": 99}".getBytes(StandardCharsets.UTF_8)));

        assertThat(kinds("off")).isEmpty();
        assertThat(state.rules().instances("off")).isEmpty();
    }

    @Test
    void withNoEnabledRuleTheEngineSkipsTheLogUnreadAndARuleEnabledLaterSeesWhatFollows() {
        rules.put("off", Json.parse(rule("\"enabled\": false", HOT)));
        send("{\"temperature\": 31}");
        send("{\"temperature\": 32}");
        clock.advance(RuleEngine.CURSOR_INTERVAL);
        send("{\"temperature\": 29}");

        assertThat(runner.eventsHandled()).as("no event read, none decoded").isZero();
        assertThat(state.cursors().position(RuleEngine.NAME)).as("stored once a second").isEqualTo(log.lastSequence());
        assertThat(engine.lag()).isZero();

        rules.patch("off", Json.parse("{\"enabled\": true}"));
        send("{\"temperature\": 33}");

        assertThat(runner.eventsHandled()).isEqualTo(1);
        assertThat(history("off")).extracting(RuleHistoryEntry::kind, e -> e.detail().at("/telemetry/temperature/value").asDouble())
                .containsExactly(tuple(Kind.FIRED, 33.0));
    }

    @Test
    void aStepThatStoresNothingStoresTheCursorOnlyOnceASecondAndARestartReadsItsEventsAgainWithoutFiringTwice() {
        rules.put("hot", Json.parse(rule("", HOT)));
        send("{\"temperature\": 31}");
        long fired = log.lastSequence();
        assertThat(state.cursors().position(RuleEngine.NAME)).as("stored with the fire").isEqualTo(fired);

        send("{\"temperature\": 32}");
        send("{\"temperature\": 33}");
        assertThat(state.cursors().position(RuleEngine.NAME)).as("nothing changed, within the second").isEqualTo(fired);
        clock.advance(RuleEngine.CURSOR_INTERVAL);
        send("{\"temperature\": 34}");
        long stored = log.lastSequence();
        assertThat(state.cursors().position(RuleEngine.NAME)).isEqualTo(stored);
        send("{\"temperature\": 35}");

        start();
        send("{\"temperature\": 36}");
        assertThat(runner.eventsHandled()).as("the event after the stored cursor, again, and the new one").isEqualTo(2);
        assertThat(kinds("hot")).containsExactly(Kind.FIRED);
    }
}
