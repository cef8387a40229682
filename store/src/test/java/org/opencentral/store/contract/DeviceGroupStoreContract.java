package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.KEYS;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;
import static org.opencentral.store.contract.Fixtures.id;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.filter.Op;
import org.opencentral.core.filter.TextMatch;
import org.opencentral.core.group.DeviceGroup;
import org.opencentral.core.group.MemberFilter;
import org.opencentral.core.group.MemberFilter.Metadata;
import org.opencentral.core.group.MemberFilter.Property;
import org.opencentral.core.store.ConnectionChange;
import org.opencentral.core.store.Page;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.core.twin.Twin;
import org.opencentral.core.twin.TwinSection;

/**
 * Device groups: stored groups with etags and organization scope, and membership evaluated from
 * the filter at every read over metadata, reported properties and cloud properties.
 */
public interface DeviceGroupStoreContract extends StoreFixture {
    String THERMOSTAT = "dtmi:com:example:Thermostat;1";

    private static DeviceGroup group(String id, String filter, List<String> organizations) {
        return new DeviceGroup(id, "Group " + id, filter, Optional.of("about " + id), "", organizations);
    }

    private Device device(String id, String template, boolean simulated, Optional<String> organization) {
        return store().devices().insert(Device.builder(DeviceId.of(id)).displayName("Device " + id)
                .template(Optional.ofNullable(template)).simulated(simulated).keys(KEYS).createdAt(T0)
                .organization(organization).build());
    }

    private void reports(String device, String json) {
        Twin twin = store().twins().find(id(device)).orElseThrow();
        ObjectNode properties = Json.parseObject(json);
        TwinSection section = new TwinSection(properties, Json.object(), twin.reported().version() + 1);
        assertThat(store().twins().compareAndSet(twin, twin.withReported(section))).isTrue();
    }

    private static MemberFilter compare(MemberFilter.Operand operand, Op op, MemberFilter.Value value) {
        return new MemberFilter.Compare(operand, op, value);
    }

    private static MemberFilter.Value number(String value) {
        return new MemberFilter.Number(new BigDecimal(value));
    }

    private List<String> members(MemberFilter filter) {
        return store().deviceGroups().members(filter, Optional.empty(), Optional.empty(), 100).items().stream()
                .map(d -> d.id().value()).toList();
    }

    @Test
    default void aGroupIsCreatedReplacedWithANewEtagAndDeleted() {
        DeviceGroup created = store().deviceGroups().insert(group("g1", "SELECT * FROM devices", List.of()));
        assertThat(created.etag()).isNotBlank();
        assertThat(reopen().deviceGroups().find("g1")).contains(created);

        assertFails(ErrorCode.CONFLICT, () -> store().deviceGroups().insert(group("g1", "x", List.of())));
        DeviceGroup changed = group("g1", "SELECT * FROM devices WHERE $simulated = true", List.of());
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> store().deviceGroups().update(changed, "stale"));
        assertFails(ErrorCode.NOT_FOUND, () -> store().deviceGroups().update(group("nope", "x", List.of()), "e"));
        DeviceGroup updated = store().deviceGroups().update(changed, created.etag());
        assertThat(updated.etag()).isNotEqualTo(created.etag());
        assertThat(store().deviceGroups().find("g1")).contains(updated);

        assertThat(store().deviceGroups().delete("g1")).isTrue();
        assertThat(store().deviceGroups().delete("g1")).isFalse();
        assertThat(store().deviceGroups().find("g1")).isEmpty();
    }

    @Test
    default void groupsArePagedByIdWithinTheOrganizationScope() {
        store().deviceGroups().insert(group("a", "f", List.of()));
        store().deviceGroups().insert(group("b", "f", List.of("east")));
        store().deviceGroups().insert(group("c", "f", List.of("west")));
        store().deviceGroups().insert(group("d", "f", List.of("east")));

        Page<DeviceGroup> first = store().deviceGroups().list(Optional.empty(), Optional.empty(), 3);
        assertThat(first.items()).extracting(DeviceGroup::id).containsExactly("a", "b", "c");
        assertThat(store().deviceGroups().list(Optional.empty(), first.next(), 3).items())
                .extracting(DeviceGroup::id).containsExactly("d");
        assertThat(store().deviceGroups().list(Optional.of(Set.of("east")), Optional.empty(), 10).items())
                .extracting(DeviceGroup::id).containsExactly("b", "d");
        assertThat(store().deviceGroups().list(Optional.of(Set.of()), Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    default void metadataConditionsSelectMembersInPagesAndCountThem() {
        device("sim-1", THERMOSTAT, true, Optional.empty());
        device("sim-2", THERMOSTAT, true, Optional.of("east"));
        device("real-1", THERMOSTAT, false, Optional.empty());
        device("bare", null, true, Optional.empty());
        MemberFilter simulatedThermostats = new MemberFilter.All(List.of(
                compare(Metadata.TEMPLATE, Op.EQ, new MemberFilter.Text(THERMOSTAT)),
                compare(Metadata.SIMULATED, Op.EQ, new MemberFilter.Bool(true))));

        Page<Device> first = store().deviceGroups().members(simulatedThermostats, Optional.empty(), Optional.empty(), 1);
        assertThat(first.items()).extracting(d -> d.id().value()).containsExactly("sim-1");
        assertThat(store().deviceGroups().members(simulatedThermostats, Optional.empty(), first.next(), 1).items())
                .extracting(d -> d.id().value()).containsExactly("sim-2");
        assertThat(store().deviceGroups().count(simulatedThermostats, Optional.empty())).isEqualTo(2);
        assertThat(store().deviceGroups().count(simulatedThermostats, Optional.of(Set.of("east")))).isEqualTo(1);
        assertThat(members(compare(Metadata.TEMPLATE, Op.EQ, new MemberFilter.Null()))).containsExactly("bare");
        assertThat(members(new MemberFilter.Not(compare(Metadata.TEMPLATE, Op.EQ, new MemberFilter.Text(THERMOSTAT)))))
                .containsExactly("bare");
        assertThat(members(new MemberFilter.Match(TextMatch.STARTSWITH, Metadata.ID, "SIM-")))
                .containsExactly("sim-1", "sim-2");
        assertThat(members(new MemberFilter.Match(TextMatch.CONTAINS, Metadata.DISPLAY_NAME, "_")))
                .as("LIKE wildcards in the text are literal").isEmpty();
        assertThat(members(MemberFilter.ALL)).hasSize(4);
    }

    @Test
    default void reportedPropertiesAreComparedByTypeAndMembershipIsLive() {
        device("d1", THERMOSTAT, false, Optional.empty());
        device("d2", THERMOSTAT, false, Optional.empty());
        device("d3", THERMOSTAT, false, Optional.empty());
        reports("d1", "{\"firmwareVersion\":\"1.2\",\"maxTemp\":30,\"on\":true,\"info\":{\"model\":\"TX-9\"}}");
        reports("d2", "{\"firmwareVersion\":\"1.3\",\"maxTemp\":\"30\",\"on\":false}");
        MemberFilter firmware12 = compare(new Property(List.of("firmwareVersion")), Op.EQ, new MemberFilter.Text("1.2"));
        MemberFilter hot = compare(new Property(List.of("maxTemp")), Op.GE, number("29.5"));

        assertThat(members(firmware12)).containsExactly("d1");
        assertThat(members(hot)).as("the text \"30\" is not a number").containsExactly("d1");
        assertThat(members(compare(new Property(List.of("maxTemp")), Op.NE, number("30"))))
                .as("a value of another type or none never matches, != included").isEmpty();
        assertThat(members(compare(new Property(List.of("on")), Op.EQ, new MemberFilter.Bool(false))))
                .containsExactly("d2");
        assertThat(members(compare(new Property(List.of("info", "model")), Op.EQ, new MemberFilter.Text("TX-9"))))
                .containsExactly("d1");
        assertThat(members(new MemberFilter.Match(TextMatch.CONTAINS, new Property(List.of("info", "model")), "x-")))
                .containsExactly("d1");
        assertThat(members(compare(new Property(List.of("maxTemp")), Op.EQ, new MemberFilter.Null())))
                .containsExactly("d3");
        assertThat(members(new MemberFilter.Not(firmware12))).containsExactly("d2", "d3");
        assertThat(members(new MemberFilter.Any(List.of(firmware12, hot,
                compare(new Property(List.of("firmwareVersion")), Op.GT, new MemberFilter.Text("1.2"))))))
                .containsExactly("d1", "d2");

        assertThat(store().deviceGroups().contains(firmware12, id("d3"))).isFalse();
        reports("d3", "{\"firmwareVersion\":\"1.2\"}");
        assertThat(store().deviceGroups().contains(firmware12, id("d3"))).isTrue();
        assertThat(members(firmware12)).containsExactly("d1", "d3");
    }

    @Test
    default void cloudPropertiesOfTheDefaultComponentAndOfComponentsAreMatched() {
        device("d1", THERMOSTAT, false, Optional.empty());
        device("d2", THERMOSTAT, false, Optional.empty());
        store().cloudProperties().put(List.of(
                new CloudPropertyValue(id("d1"), "", "customerName", Json.parse("\"Contoso\""), T0),
                new CloudPropertyValue(id("d2"), "settings", "budget", Json.parse("120"), T0),
                new CloudPropertyValue(id("d2"), "", "site", Json.parse("{\"floor\":3}"), T0)));

        assertThat(members(compare(new Property(List.of("customerName")), Op.EQ, new MemberFilter.Text("Contoso"))))
                .containsExactly("d1");
        assertThat(members(compare(new Property(List.of("settings", "budget")), Op.GT, number("100"))))
                .containsExactly("d2");
        assertThat(members(compare(new Property(List.of("site", "floor")), Op.EQ, number("3"))))
                .containsExactly("d2");
        assertThat(members(compare(new Property(List.of("customerName")), Op.NE, new MemberFilter.Null())))
                .containsExactly("d1");
    }

    @Test
    default void groupsOfOneDeviceAreFoundInOneCall() {
        device("d1", THERMOSTAT, true, Optional.empty());
        reports("d1", "{\"firmwareVersion\":\"1.2\"}");
        Map<String, MemberFilter> filters = new LinkedHashMap<>();
        filters.put("everything", MemberFilter.ALL);
        filters.put("simulated", compare(Metadata.SIMULATED, Op.EQ, new MemberFilter.Bool(true)));
        filters.put("real", compare(Metadata.SIMULATED, Op.EQ, new MemberFilter.Bool(false)));
        filters.put("firmware", compare(new Property(List.of("firmwareVersion")), Op.EQ, new MemberFilter.Text("1.2")));

        assertThat(store().deviceGroups().groupsOf(id("d1"), filters))
                .containsExactlyInAnyOrder("everything", "simulated", "firmware");
        assertThat(store().deviceGroups().groupsOf(id("ghost"), filters)).isEmpty();
        assertThat(store().deviceGroups().groupsOf(id("d1"), Map.of())).isEmpty();
    }

    @Test
    default void connectedDevicesAreCountedByTheirConnectionState() {
        device("on", null, false, Optional.empty());
        device("off", null, false, Optional.of("east"));
        store().devices().recordConnections(List.of(new ConnectionChange(id("on"), true, T0, Optional.empty())));
        MemberFilter connected = compare(Metadata.CONNECTED, Op.EQ, new MemberFilter.Bool(true));
        assertThat(store().deviceGroups().count(connected, Optional.empty())).isEqualTo(1);
        assertThat(store().deviceGroups().count(connected, Optional.of(Set.of("east")))).isZero();
        assertThat(members(compare(Metadata.CONNECTED, Op.EQ, new MemberFilter.Bool(false)))).containsExactly("off");
    }
}
