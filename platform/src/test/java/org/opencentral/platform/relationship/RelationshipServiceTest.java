package org.opencentral.platform.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.relationship.RelationshipService.Changes;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.template.TemplateDraft;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** The rules of relationships over a real SQLite state store. */
@Timeout(30)
class RelationshipServiceTest {
    private static final AccessScope EVERYWHERE = new AccessScope(true, Set.of());
    private static final String GATEWAY = "dtmi:t:gateway;1";
    private static final String SENSOR = "dtmi:t:sensor;1";

    @TempDir
    Path dir;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    StateStore state;
    DeviceRegistry devices;
    TemplateService templates;
    RelationshipService relationships;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        devices = new DeviceRegistry(state.devices(), state.outbox(), new DeviceSessions(timer), new CommandHistory(state.commandHistory()), Clock.systemUTC());
        templates = new TemplateService(state.templates(), Optional.empty(), state.outbox(), Clock.systemUTC());
        relationships = new RelationshipService(state.relationships(), devices, templates);
        device("gw", "west");
        device("child", "west");
        device("far", "east");
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        state.close();
    }

    @Test
    void putCreatesThenReplacesAndPatchMerges() {
        assertThat(relationships.put(id("gw"), "r1", changes(null, "child"), EVERYWHERE).created()).isTrue();
        assertThat(relationships.put(id("gw"), "r1", changes("gw", "far"), EVERYWHERE).created()).isFalse();
        assertThat(relationships.patch(id("gw"), "r1", changes(null, null), EVERYWHERE).relationship().target())
                .isEqualTo(id("far"));
        assertThat(relationships.get(id("gw"), "r1").target()).isEqualTo(id("far"));
    }

    @Test
    void brokenRulesAreBadRequests() {
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes(null, null), EVERYWHERE));
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes(null, "gw"), EVERYWHERE));
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes("child", "far"), EVERYWHERE));
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "no spaces", changes(null, "far"), EVERYWHERE));
        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes(null, "missing"), EVERYWHERE));
    }

    @Test
    void aTargetOutsideTheScopeIsLikeAMissingOne() {
        AccessScope west = new AccessScope(false, Set.of("west"));

        fails(ErrorCode.BAD_REQUEST, () -> relationships.put(id("gw"), "r1", changes(null, "far"), west));
        assertThat(relationships.put(id("gw"), "r1", changes(null, "child"), west).created()).isTrue();
    }

    @Test
    void missingDevicesAndRelationshipsAreNotFound() {
        fails(ErrorCode.NOT_FOUND, () -> relationships.list(id("missing"), Optional.empty(), 10));
        fails(ErrorCode.NOT_FOUND, () -> relationships.get(id("gw"), "r1"));
        fails(ErrorCode.NOT_FOUND, () -> relationships.patch(id("gw"), "r1", changes(null, "child"), EVERYWHERE));
        fails(ErrorCode.NOT_FOUND, () -> relationships.delete(id("gw"), "r1"));
    }

    @Test
    void aNameMustBeOneOfTheRelationshipsOfTheSourcesTemplate() {
        gatewayWithSensor();

        assertThatThrownBy(() -> relationships.put(id("gw2"), "r1", changes(null, "sensor1", "bogus"), EVERYWHERE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessage("'bogus' is not a relationship of template '" + GATEWAY + "' of device 'gw2'; "
                        + "allowed names: 'children', 'peers'");
        assertThatThrownBy(() -> relationships.put(id("gw2"), "r1", changes(null, "sensor1", null), EVERYWHERE))
                .hasMessageContaining("needs a 'name'").hasMessageContaining("'children', 'peers'");
        assertThat(relationships.put(id("gw2"), "r1", changes(null, "sensor1", "children"), EVERYWHERE)
                .relationship().name()).contains("children");
        assertThat(relationships.put(id("gw2"), "r2", changes(null, "child", "peers"), EVERYWHERE)
                .relationship().name()).contains("peers");
        assertThat(relationships.get(id("gw2"), "r1").name()).contains("children");
    }

    @Test
    void aRelationshipWithATargetModelOnlyLinksDevicesOfThatTemplate() {
        gatewayWithSensor();

        assertThatThrownBy(() -> relationships.put(id("gw2"), "r1", changes(null, "child", "children"), EVERYWHERE))
                .hasMessage("relationship 'children' of template '" + GATEWAY + "' links to devices of template '"
                        + SENSOR + "', but device 'child' has no template");
        relationships.put(id("gw2"), "r1", changes(null, "sensor1", "children"), EVERYWHERE);
        assertThatThrownBy(() -> relationships.patch(id("gw2"), "r1", changes(null, "child", null), EVERYWHERE))
                .as("a patch keeps the name and checks the new target against it")
                .hasMessageContaining("but device 'child' has no template");
        assertThat(relationships.patch(id("gw2"), "r1", changes(null, null, "peers"), EVERYWHERE).relationship())
                .isEqualTo(new org.opencentral.core.relationship.DeviceRelationship("r1", id("gw2"), id("sensor1"),
                        Optional.of("peers")));
    }

    @Test
    void theOnlyRelationshipOfATemplateIsTheDefaultName() {
        publish(SENSOR, List.of());
        publish("dtmi:t:hub;1", List.of(relationship("downstream", SENSOR)));
        device("hub", "west", "dtmi:t:hub;1");
        device("sensor1", "west", SENSOR);

        assertThat(relationships.put(id("hub"), "r1", changes(null, "sensor1", null), EVERYWHERE)
                .relationship().name()).contains("downstream");
    }

    @Test
    void sourcesWithoutDeclaredRelationshipsKeepAnyValidName() {
        publish(SENSOR, List.of());
        device("sensor1", "west", SENSOR);

        assertThat(relationships.put(id("gw"), "r1", changes(null, "child", "anything"), EVERYWHERE)
                .relationship().name()).contains("anything");
        assertThat(relationships.put(id("sensor1"), "r1", changes(null, "child", null), EVERYWHERE)
                .relationship().name()).isEmpty();
        assertThatThrownBy(() -> relationships.put(id("gw"), "r2", changes(null, "child", "no spaces"), EVERYWHERE))
                .hasMessageContaining("must be a DTDL name");
    }

    private void gatewayWithSensor() {
        publish(SENSOR, List.of());
        publish(GATEWAY, List.of(relationship("children", SENSOR), relationship("peers", null)));
        device("gw2", "west", GATEWAY);
        device("sensor1", "west", SENSOR);
    }

    private static String relationship(String name, String target) {
        return "{\"@type\":\"Relationship\",\"name\":\"" + name + "\""
                + (target == null ? "" : ",\"target\":\"" + target + "\"") + "}";
    }

    private void publish(String id, List<String> relationshipElements) {
        String contents = String.join(",", relationshipElements);
        ObjectNode model = Json.parseObject("{\"@id\":\"" + id.replace(";1", "_cm;1") + "\",\"@type\":\"Interface\","
                + "\"@context\":\"dtmi:dtdl:context;2\",\"contents\":[" + contents + "]}");
        templates.publish(id, new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(), Optional.empty(),
                Optional.of(model)));
    }

    private void device(String name, String organization) {
        devices.create(id(name), new DeviceChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(organization)));
    }

    private void device(String name, String organization, String template) {
        devices.create(id(name), new DeviceChanges(Optional.empty(), Optional.of(template), Optional.empty(),
                Optional.empty(), Optional.of(organization)));
    }

    private static DeviceId id(String value) {
        return DeviceId.of(value);
    }

    private static Changes changes(String source, String target) {
        return changes(source, target, null);
    }

    private static Changes changes(String source, String target, String name) {
        return new Changes(Optional.ofNullable(source), Optional.ofNullable(target), Optional.ofNullable(name));
    }

    private static void fails(ErrorCode code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
