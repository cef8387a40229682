package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.store.Page;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.core.template.TelemetryIssue;
import org.opencentral.core.template.TelemetryIssue.Kind;

/** Device templates, cloud property values and telemetry issues. */
public interface TemplateStoresContract extends StoreFixture {
    String THERMOSTAT = "dtmi:com:example:Thermostat;1";

    private static DeviceTemplate template(String id, String modelId) {
        ObjectNode model = Json.parseObject("{\"@id\":\"" + modelId + "\",\"@type\":\"Interface\",\"contents\":"
                + "[{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"}]}");
        return new DeviceTemplate(id, DeviceTemplate.DEFAULT_TYPES, "Template " + id, Optional.of("about " + id),
                model, "etag-" + id, T0);
    }

    @Test
    default void templatesRoundTripByIdAndModelId() {
        DeviceTemplate stored = store().templates().insert(template(THERMOSTAT, "dtmi:com:example:cm;1"));

        assertThat(stored).isEqualTo(template(THERMOSTAT, "dtmi:com:example:cm;1"));
        assertThat(store().templates().find(THERMOSTAT)).contains(stored);
        assertThat(store().templates().findByModelId("dtmi:com:example:cm;1")).contains(stored);
        assertThat(store().templates().find("dtmi:com:example:Other;1")).isEmpty();
        assertThat(reopen().templates().find(THERMOSTAT)).contains(stored);
    }

    @Test
    default void aTemplateIdIsTakenOnce() {
        store().templates().insert(template(THERMOSTAT, THERMOSTAT));

        assertFails(ErrorCode.CONFLICT, () -> store().templates().insert(template(THERMOSTAT, "dtmi:x:y;1")));
        assertThat(store().templates().find(THERMOSTAT).orElseThrow().modelId()).isEqualTo(THERMOSTAT);
    }

    @Test
    default void updatesNeedTheCurrentEtag() {
        DeviceTemplate stored = store().templates().insert(template(THERMOSTAT, THERMOSTAT));
        DeviceTemplate renamed = stored.withEnvelope("Renamed", Optional.empty(), stored.capabilityModel(),
                stored.etag());

        DeviceTemplate updated = store().templates().update(renamed, stored.etag());

        assertThat(updated.displayName()).isEqualTo("Renamed");
        assertThat(updated.description()).isEmpty();
        assertThat(updated.etag()).isNotEqualTo(stored.etag());
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> store().templates().update(renamed, stored.etag()));
        assertFails(ErrorCode.NOT_FOUND, () -> store().templates().update(template("dtmi:x:y;1", "dtmi:x:y;1"), "e"));
    }

    @Test
    default void aTemplateInUseCannotBeDeleted() {
        store().templates().insert(template(THERMOSTAT, THERMOSTAT));
        store().devices().insert(device("d1"));

        assertThat(store().templates().deviceCount(THERMOSTAT)).isEqualTo(1);
        assertFails(ErrorCode.CONFLICT, () -> store().templates().delete(THERMOSTAT));

        store().devices().delete(id("d1"));
        assertThat(store().templates().delete(THERMOSTAT)).isTrue();
        assertThat(store().templates().delete(THERMOSTAT)).isFalse();
        assertThat(store().templates().find(THERMOSTAT)).isEmpty();
    }

    @Test
    default void templatesArePagedById() {
        for (String name : List.of("c", "a", "d", "b", "e")) {
            store().templates().insert(template("dtmi:t:" + name + ";1", "dtmi:t:" + name + ";1"));
        }

        Page<DeviceTemplate> first = store().templates().list(Optional.empty(), 2);
        Page<DeviceTemplate> second = store().templates().list(first.next(), 2);
        Page<DeviceTemplate> last = store().templates().list(second.next(), 2);

        assertThat(first.items()).extracting(DeviceTemplate::id).containsExactly("dtmi:t:a;1", "dtmi:t:b;1");
        assertThat(second.items()).extracting(DeviceTemplate::id).containsExactly("dtmi:t:c;1", "dtmi:t:d;1");
        assertThat(last.items()).extracting(DeviceTemplate::id).containsExactly("dtmi:t:e;1");
        assertThat(last.next()).isEmpty();
    }

    @Test
    default void cloudPropertiesAreKeptPerDeviceAndGoWithIt() {
        Device d = store().devices().insert(device("d1"));
        store().cloudProperties().put(List.of(
                new CloudPropertyValue(d.id(), "", "customerName", TextNode.valueOf("Contoso"), T0),
                new CloudPropertyValue(d.id(), "settings", "threshold", IntNode.valueOf(3), T0),
                new CloudPropertyValue(id("ghost"), "", "customerName", TextNode.valueOf("x"), T0)));
        store().cloudProperties().put(List.of(
                new CloudPropertyValue(d.id(), "", "customerName", TextNode.valueOf("Fabrikam"), T0.plusSeconds(1))));

        assertThat(store().cloudProperties().list(d.id())).containsExactly(
                new CloudPropertyValue(d.id(), "", "customerName", TextNode.valueOf("Fabrikam"), T0.plusSeconds(1)),
                new CloudPropertyValue(d.id(), "settings", "threshold", IntNode.valueOf(3), T0));
        assertThat(store().cloudProperties().list(id("ghost"))).isEmpty();
        assertThat(store().cloudProperties().delete(d.id(), "settings", "threshold")).isTrue();
        assertThat(store().cloudProperties().delete(d.id(), "settings", "threshold")).isFalse();

        store().devices().delete(d.id());
        assertThat(store().cloudProperties().list(d.id())).isEmpty();
    }

    @Test
    default void telemetryIssuesAddUpAndFollowTheLatestOccurrence() {
        Device d = store().devices().insert(device("d1"));
        TelemetryIssue first = new TelemetryIssue(d.id(), "", "humidity", Kind.UNMODELED, "", 2, IntNode.valueOf(40), T0);
        TelemetryIssue later = new TelemetryIssue(d.id(), "", "humidity", Kind.UNMODELED, "", 1, IntNode.valueOf(41),
                T0.plus(Duration.ofSeconds(5)));
        TelemetryIssue older = new TelemetryIssue(d.id(), "", "humidity", Kind.UNMODELED, "", 1, IntNode.valueOf(39),
                T0.minusSeconds(5));
        TelemetryIssue invalid = new TelemetryIssue(d.id(), "thermostat1", "temperature", Kind.INVALID,
                "/: TYPE_MISMATCH: expected a number", 1, TextNode.valueOf("hot"), T0);

        store().telemetryIssues().record(List.of(first, later, invalid));
        store().telemetryIssues().record(List.of(older,
                new TelemetryIssue(id("ghost"), "", "x", Kind.UNMODELED, "", 1, IntNode.valueOf(1), T0)));

        assertThat(store().telemetryIssues().list(d.id())).containsExactly(
                new TelemetryIssue(d.id(), "", "humidity", Kind.UNMODELED, "", 4, IntNode.valueOf(41),
                        T0.plus(Duration.ofSeconds(5))),
                invalid);
        assertThat(store().telemetryIssues().list(id("ghost"))).isEmpty();
    }

    @Test
    default void theNewestTelemetryIssuesOfAllDevicesComeFirstWithinTheOrganizations() {
        Device root = store().devices().insert(device("d1"));
        Device east = store().devices().insert(device("d2").toBuilder().organization(java.util.Optional.of("east"))
                .build());
        TelemetryIssue old = new TelemetryIssue(root.id(), "", "humidity", Kind.UNMODELED, "", 1, IntNode.valueOf(40), T0);
        TelemetryIssue recent = new TelemetryIssue(east.id(), "", "pressure", Kind.UNMODELED, "", 1,
                IntNode.valueOf(1), T0.plusSeconds(60));
        store().telemetryIssues().record(List.of(old, recent));

        assertThat(store().telemetryIssues().newest(java.util.Optional.empty(), 10)).containsExactly(recent, old);
        assertThat(store().telemetryIssues().newest(java.util.Optional.empty(), 1)).containsExactly(recent);
        assertThat(store().telemetryIssues().newest(java.util.Optional.of(java.util.Set.of("east")), 10))
                .containsExactly(recent);
        assertThat(store().telemetryIssues().newest(java.util.Optional.of(java.util.Set.of()), 10)).isEmpty();
    }
}
