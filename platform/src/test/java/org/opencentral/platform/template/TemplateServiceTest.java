package org.opencentral.platform.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle.Change;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.dtdl.FolderModelSource;
import org.opencentral.platform.outbox.OutboxForwarder;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

@Timeout(30)
class TemplateServiceTest {
    static final Path FIXTURES = Path.of("../testdata/dtdl");
    static final String CONTROLLER = "dtmi:com:example:TemperatureController;2";

    @TempDir
    Path dir;
    StateStore state;
    EventLog log;
    OutboxForwarder forwarder;
    TemplateService templates;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
        forwarder = new OutboxForwarder(state.outbox(), log);
        templates = new TemplateService(state.templates(), Optional.of(new FolderModelSource(FIXTURES)),
                state.outbox(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        log.close();
        state.close();
    }

    @Test
    void importsAModelWithItsComponentsInlined() {
        DeviceTemplate template = templates.importFromRepository(CONTROLLER).orElseThrow();

        assertThat(template.id()).isEqualTo(CONTROLLER);
        assertThat(template.capabilityModel().at("/contents/3/schema/@id").asText())
                .isEqualTo("dtmi:com:example:Thermostat;1");
        var model = templates.model(template).orElseThrow();
        assertThat(model.telemetry(Optional.of("thermostat1"), "temperature")).isPresent();
        assertThat(model.property(Optional.of("thermostat2"), "targetTemperature").orElseThrow().writable()).isTrue();
        assertThat(model.component("deviceInformation")).isPresent();
    }

    @Test
    void aPublishedVersionIsImmutable() {
        templates.publish("dtmi:t:a;1", draft(model("double")));

        assertThat(templates.publish("dtmi:t:a;1", draft(model("double"))).id()).isEqualTo("dtmi:t:a;1");
        assertThatThrownBy(() -> templates.publish("dtmi:t:a;1", draft(model("integer"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void everyChangeIsLoggedInOrderWithTheStoredEtagAndRefusedChangesAreNot() {
        DeviceTemplate created = templates.publish("dtmi:t:a;1", draft(model("double")));
        DeviceTemplate republished = templates.publish("dtmi:t:a;1", draft(model("double")));
        assertThatThrownBy(() -> templates.publish("dtmi:t:a;1", draft(model("integer"))))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> templates.patch("dtmi:t:a;1", renamed("Stale"), Optional.of(created.etag())))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        DeviceTemplate patched = templates.patch("dtmi:t:a;1", renamed("Renamed"), Optional.of(republished.etag()));
        templates.delete("dtmi:t:a;1");
        assertThatThrownBy(() -> templates.delete("dtmi:t:a;1")).isInstanceOf(DomainException.class);

        assertThat(templateEvents()).extracting(TemplateLifecycle::templateId, TemplateLifecycle::change,
                TemplateLifecycle::etag).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dtmi:t:a;1", Change.CREATED, Optional.of(created.etag())),
                        org.assertj.core.groups.Tuple.tuple("dtmi:t:a;1", Change.UPDATED,
                                Optional.of(republished.etag())),
                        org.assertj.core.groups.Tuple.tuple("dtmi:t:a;1", Change.UPDATED, Optional.of(patched.etag())),
                        org.assertj.core.groups.Tuple.tuple("dtmi:t:a;1", Change.DELETED, Optional.empty()));
        assertThat(List.of(created.etag(), republished.etag(), patched.etag())).doesNotHaveDuplicates();
    }

    @Test
    void importingFromTheModelFolderIsACreation() {
        templates.importFromRepository(CONTROLLER).orElseThrow();

        assertThat(templateEvents()).singleElement().satisfies(e -> {
            assertThat(e.templateId()).isEqualTo(CONTROLLER);
            assertThat(e.change()).isEqualTo(Change.CREATED);
        });
    }

    @Test
    void invalidModelsAreRefusedWithPointersIntoTheBody() {
        assertThatThrownBy(() -> templates.publish("dtmi:t:a;1", draft(model("doubel"))))
                .isInstanceOfSatisfying(ModelInvalidException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.code()).isEqualTo("SCHEMA_UNKNOWN");
                            assertThat(p.pointer()).isEqualTo("/capabilityModel/contents/0/schema");
                        }));
    }

    @Test
    void telemetryIsCheckedAndNormalized() {
        var model = templates.model(templates.importFromRepository(CONTROLLER).orElseThrow()).orElseThrow();

        assertThat(TelemetryCheck.of(model, Optional.of("thermostat1"), "temperature", Json.parse("\"21.5\"")))
                .isEqualTo(new TelemetryCheck.Modeled(Json.parse("21.5")));
        assertThat(TelemetryCheck.of(model, Optional.of("thermostat1"), "temperature", Json.parse("\"hot\"")))
                .isInstanceOf(TelemetryCheck.Invalid.class);
        assertThat(TelemetryCheck.of(model, Optional.empty(), "temperature", Json.parse("21")))
                .isInstanceOf(TelemetryCheck.Unmodeled.class);
    }

    /** The template events in the log, once the outbox forwarded what the changes recorded. */
    private List<TemplateLifecycle> templateEvents() {
        forwarder.runOnce();
        return log.read(0, 1_000).stream().map(LoggedEvent::event).filter(TemplateLifecycle.class::isInstance)
                .map(TemplateLifecycle.class::cast).toList();
    }

    private static TemplateDraft renamed(String displayName) {
        return new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.of(displayName), Optional.empty(),
                Optional.empty());
    }

    private static TemplateDraft draft(ObjectNode model) {
        return new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(), Optional.empty(), Optional.of(model));
    }

    private static ObjectNode model(String schema) {
        return Json.parseObject("{\"@id\":\"dtmi:t:cm;1\",\"@type\":\"Interface\",\"contents\":[{\"@type\":"
                + "\"Telemetry\",\"name\":\"temperature\",\"schema\":\"" + schema + "\"}]}");
    }
}
