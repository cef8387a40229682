package org.opencentral.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.RuleHistoryEntry.Kind;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.platform.group.GroupChanges;

/**
 * What a rule applies to and compares with beyond its template and constants: the live members of
 * a device group, the device's cloud properties; and what runs when an instance resolves.
 */
@Timeout(60)
class RuleScopeTest extends RuleEngineFixture {
    static final DeviceId OTHER = DeviceId.of("thermo-2");

    private long reportedVersion;

    @Test
    void aGroupRuleAppliesOnlyWhileTheDeviceIsALiveMemberOfTheGroup() {
        device(OTHER);
        stores.groups.put("north", new GroupChanges(Optional.of("North"),
                Optional.of("SELECT * FROM devices WHERE site = \"north\""), Optional.empty(), Optional.of(List.of())),
                Optional.empty(), RuleStores.EVERYWHERE);
        rules.put("hot", Json.parse(rule("\"group\": \"north\"", HOT)));

        send("{\"temperature\": 31}");
        send(OTHER, "{\"temperature\": 31}");
        assertThat(kinds("hot")).isEmpty();

        cloud(DEVICE, "{\"site\": \"north\"}");
        send("{\"temperature\": 32}");
        send(OTHER, "{\"temperature\": 33}");
        assertThat(history("hot")).extracting(e -> e.device().value(), e -> e.kind())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("thermo-1", Kind.FIRED));

        cloud(DEVICE, "{\"site\": \"south\"}");
        send("{\"temperature\": 20}");
        assertThat(kinds("hot")).containsExactly(Kind.FIRED);
    }

    @Test
    void aChangedGroupIsSeenOnceItsChangeIsInTheLog() {
        stores.groups.put("north", new GroupChanges(Optional.of("North"),
                Optional.of("SELECT * FROM devices WHERE site = \"north\""), Optional.empty(), Optional.of(List.of())),
                Optional.empty(), RuleStores.EVERYWHERE);
        rules.put("hot", Json.parse(rule("\"group\": \"north\"", HOT)));
        send("{\"temperature\": 31}");
        assertThat(kinds("hot")).isEmpty();

        stores.groups.patch("north", new GroupChanges(Optional.empty(), Optional.of("SELECT * FROM devices"),
                Optional.empty(), Optional.empty()), Optional.empty(), RuleStores.EVERYWHERE);
        send("{\"temperature\": 32}");
        assertThat(kinds("hot")).as("the engine still knows the old membership").isEmpty();

        stores.audit.record("user:admin", "PATCH /api/deviceGroups/{deviceGroupId}", "/api/deviceGroups/north",
                Json.object(), Json.object());
        forward();
        send("{\"temperature\": 33}");
        assertThat(kinds("hot")).containsExactly(Kind.FIRED);
    }

    @Test
    void aConditionComparedWithACloudPropertyUsesTheDevicesCurrentValue() {
        rules.put("over", Json.parse(rule("", "{\"telemetry\": \"temperature\", \"operator\": \">\", "
                + "\"compareTo\": {\"cloudProperty\": \"limit\"}}")));

        send("{\"temperature\": 31}");
        assertThat(kinds("over")).as("no limit: the condition is false").isEmpty();

        cloud(DEVICE, "{\"limit\": 30}");
        assertThat(kinds("over")).as("the last value is compared with the new limit").containsExactly(Kind.FIRED);

        cloud(DEVICE, "{\"limit\": 40}");
        assertThat(kinds("over")).containsExactly(Kind.FIRED, Kind.RESOLVED);
        send("{\"temperature\": 41}");
        assertThat(kinds("over")).containsExactly(Kind.FIRED, Kind.RESOLVED, Kind.FIRED);
    }

    @Test
    void aFilterScopesTheRuleToTheDevicesWhosePropertiesMatchItAsTheyChange() {
        DeviceId south = otherDevice();
        rules.put("north-hot", Json.parse(rule("\"filter\": \"SELECT * FROM devices WHERE site = 'north'\"", HOT)));
        cloud(DEVICE, "{\"site\": \"north\"}");
        cloud(south, "{\"site\": \"south\"}");

        send(DEVICE, "{\"temperature\": 31}");
        send(south, "{\"temperature\": 31}");
        assertThat(history("north-hot")).extracting(e -> e.device().value()).containsExactly("thermo-1");

        cloud(south, "{\"site\": \"north\"}");
        send(south, "{\"temperature\": 32}");
        assertThat(history("north-hot")).extracting(e -> e.device().value()).containsExactly("thermo-1", "thermo-2");
    }

    @Test
    void aComparisonWithACloudPropertyOfAComponentFollowsThatComponentsValue() {
        rules.put("over", Json.parse(rule("", "{\"telemetry\": \"temperature\", \"operator\": \">\", "
                + "\"compareTo\": {\"cloudProperty\": \"max\", \"component\": \"sensor\"}}")));
        cloud(DEVICE, Optional.of("sensor"), "{\"max\": 40}");

        send("{\"temperature\": 35}");
        cloud(DEVICE, Optional.empty(), "{\"limit\": 20}");
        assertThat(kinds("over")).as("the root's cloud properties are not the component's").isEmpty();

        cloud(DEVICE, Optional.of("sensor"), "{\"max\": 30}");
        assertThat(kinds("over")).containsExactly(Kind.FIRED);
    }

    @Test
    void aMemberOfAnObjectPropertyChangesTheItemOnlyWhenAPatchCarriesTheField() {
        rules.put("low", Json.parse(rule("", "{\"property\": \"battery\", \"member\": \"level\", "
                + "\"operator\": \"<\", \"value\": 10}")));

        reported("{\"battery\": {\"level\": 50, \"state\": \"ok\"}}");
        reported("{\"battery\": {\"state\": \"draining\"}}");
        assertThat(kinds("low")).isEmpty();
        reported("{\"battery\": {\"level\": 8}}");

        assertThat(kinds("low")).containsExactly(Kind.FIRED);
        assertThat(history("low").getFirst().detail().at("/properties/battery.level/value").asInt()).isEqualTo(8);
    }

    @Test
    void anAggregatedConditionComparesItsWindowWithTheCloudPropertyWhenTheWindowCloses() {
        rules.put("avg", Json.parse(rule("\"window\": \"PT1M\", \"lateness\": \"PT0S\"", "{\"telemetry\": "
                + "\"temperature\", \"aggregation\": \"avg\", \"operator\": \">\", \"compareTo\": {\"cloudProperty\": "
                + "\"limit\"}}")));
        cloud(DEVICE, "{\"limit\": 25}");

        send("{\"temperature\": 20}");
        send("{\"temperature\": 40}");
        clock.advance(java.time.Duration.ofMinutes(1));
        engine.runOnce();

        assertThat(kinds("avg")).containsExactly(Kind.FIRED);
    }

    @Test
    void aCloudPropertyConditionStartsFromTheValueSetBeforeTheRuleSawTheDevice() {
        cloud(DEVICE, "{\"limit\": 50}");
        rules.put("limit", Json.parse(rule("", "{\"cloudProperty\": \"limit\", \"operator\": \">\", \"value\": 40}")));

        send("{\"temperature\": 1}");

        assertThat(kinds("limit")).containsExactly(Kind.FIRED);
        assertThat(history("limit").getFirst().detail().at("/cloudProperties/limit/value").asInt()).isEqualTo(50);
    }

    @Test
    void resolveActionsAreQueuedWhenTheInstanceResolvesWithTheResolveInTheirPayload() {
        rules.put("hot", Json.parse(rule("\"actions\": [{\"type\": \"webhook\", \"url\": \"http://127.0.0.1:9/fire\"}, "
                + "{\"type\": \"webhook\", \"url\": \"http://127.0.0.1:9/resolve\", \"on\": \"resolve\"}]", HOT)));

        send("{\"temperature\": 31}");
        assertThat(queued()).extracting(ActionTask::action).containsExactly(0);

        send("{\"temperature\": 20}");
        List<ActionTask> queued = queued();
        assertThat(queued).extracting(ActionTask::action).containsExactly(0, 1);
        JsonNode resolve = queued.get(1).payload();
        assertThat(resolve.path("kind").asText()).isEqualTo("resolved");
        assertThat(resolve.path("state").asText()).isEqualTo("resolved");
        assertThat(queued.get(0).payload().path("state").asText()).isEqualTo("firing");
        assertThat(queued.get(1).key()).contains("/resolved/").endsWith("#1");
    }

    private List<ActionTask> queued() {
        return state.rules().dueActions(clock.instant().plusSeconds(1), 10);
    }

    /** Writes cloud properties as the API does and brings the change to the log. */
    private void cloud(DeviceId device, String members) {
        cloud(device, Optional.empty(), members);
    }

    private void cloud(DeviceId device, Optional<String> component, String members) {
        DeviceModel model = stores.templates.find(RuleStores.TEMPLATE).flatMap(stores.templates::model).orElseThrow();
        stores.cloudProperties.write(device, model, component, Json.parseObject(members), "/value");
        forward();
    }

    private void reported(String patch) {
        append(new PlatformEvent.ReportedPropertiesUpdated(DEVICE, clock.instant(), Json.parseObject(patch),
                ++reportedVersion));
    }
}
