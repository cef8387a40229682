package org.opencentral.platform.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.CloudPropertiesUpdated;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.outbox.OutboxForwarder;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** Cloud property writes with a real state store and a real event log. */
@Timeout(30)
class CloudPropertiesTest {
    static final DeviceId DEVICE = DeviceId.of("d-1");
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    @TempDir
    Path dir;
    StateStore state;
    EventLog log;
    OutboxForwarder forwarder;
    CloudProperties cloud;
    DeviceModel model;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        forwarder = new OutboxForwarder(state.outbox(), log);
        TemplateService templates = new TemplateService(state.templates(), Optional.empty(), state.outbox(), clock);
        DeviceTemplate template = templates.publish("dtmi:t:cloud;1", new TemplateDraft(DeviceTemplate.DEFAULT_TYPES,
                Optional.empty(), Optional.empty(), Optional.of(Json.parseObject("{\"@id\":\"dtmi:t:cm;1\","
                        + "\"@type\":\"Interface\",\"contents\":["
                        + "{\"@type\":[\"Property\",\"Cloud\"],\"name\":\"customerName\",\"schema\":\"string\"},"
                        + "{\"@type\":[\"Property\",\"Cloud\"],\"name\":\"maxTemp\",\"schema\":\"integer\"}]}"))));
        model = templates.model(template).orElseThrow();
        new DeviceRegistry(state.devices(), state.outbox(), new DeviceSessions(timer), new CommandHistory(state.commandHistory()), clock).create(DEVICE,
                new DeviceChanges(Optional.empty(), Optional.of(template.id()), Optional.empty(), Optional.empty(),
                        Optional.empty()));
        cloud = new CloudProperties(state.cloudProperties(), state.outbox(), clock);
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        log.close();
        state.close();
    }

    @Test
    void aWriteIsLoggedWithTheNormalizedValuesStoredAndRemovalsAsNull() {
        cloud.write(DEVICE, model, Optional.empty(),
                Json.parseObject("{\"customerName\":\"Contoso\",\"maxTemp\":\"30.0\"}"), "");
        cloud.write(DEVICE, model, Optional.empty(), Json.parseObject("{\"customerName\":null}"), "");

        List<CloudPropertiesUpdated> logged = cloudEvents();
        assertThat(logged).hasSize(2);
        assertThat(logged).allSatisfy(e -> {
            assertThat(e.deviceId()).isEqualTo(DEVICE);
            assertThat(e.time()).isEqualTo(NOW);
            assertThat(e.component()).isEmpty();
        });
        assertThat(logged.get(0).patch().toString()).isEqualTo("{\"customerName\":\"Contoso\",\"maxTemp\":30}");
        assertThat(logged.get(1).patch().toString()).isEqualTo("{\"customerName\":null}");
        assertThat(cloud.of(DEVICE)).extracting(CloudPropertyValue::name, v -> v.value().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("maxTemp", "30"));
    }

    @Test
    void refusedAndEmptyWritesAreNotLogged() {
        assertThatThrownBy(() -> cloud.write(DEVICE, model, Optional.empty(),
                Json.parseObject("{\"customerName\":\"Contoso\",\"maxTemp\":\"hot\"}"), ""))
                .isInstanceOf(ModelInvalidException.class);
        assertThatThrownBy(() -> cloud.write(DEVICE, model, Optional.empty(),
                Json.parseObject("{\"notCloud\":1}"), "")).isInstanceOf(IllegalArgumentException.class);
        cloud.write(DEVICE, model, Optional.empty(), Json.object(), "");

        assertThat(cloudEvents()).isEmpty();
        assertThat(cloud.of(DEVICE)).isEmpty();
    }

    /** The cloud property events in the log, once the outbox forwarded what the changes recorded. */
    private List<CloudPropertiesUpdated> cloudEvents() {
        forwarder.runOnce();
        return log.read(0, 1_000).stream().map(LoggedEvent::event).filter(CloudPropertiesUpdated.class::isInstance)
                .map(CloudPropertiesUpdated.class::cast).toList();
    }
}
