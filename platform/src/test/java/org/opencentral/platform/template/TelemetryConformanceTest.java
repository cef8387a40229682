package org.opencentral.platform.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
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
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.core.template.TelemetryIssue;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** Model conformance over a real SQLite state store and DuckDB log: the device's model as the log says it is. */
@Timeout(60)
class TelemetryConformanceTest {
    private static final DeviceId DEVICE = DeviceId.of("conformance-1");
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path directory;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private StateStore state;
    private EventLog log;
    private DeviceRegistry devices;
    private ConsumerRunner conformance;

    @BeforeEach
    void open() {
        Clock clock = Clock.systemUTC();
        state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
        TemplateService templates = new TemplateService(state.templates(), Optional.empty(), state.outbox(), clock);
        publish(templates, "dtmi:test:conformance:a;1", "temperature");
        publish(templates, "dtmi:test:conformance:b;1", "humidity");
        devices = new DeviceRegistry(state.devices(), state.outbox(), new DeviceSessions(timer), new CommandHistory(state.commandHistory()), clock);
        devices.create(DEVICE, changes("dtmi:test:conformance:a;1"));
        conformance = new ConsumerRunner(log, state.cursors(),
                new TelemetryConformance(state.devices(), templates, state.telemetryIssues(), new TelemetryParses()));
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        log.close();
        state.close();
    }

    @Test
    void aDeviceKeepsItsModelFromBatchToBatchUntilTheLogSaysTheDeviceChanged() {
        send("{\"humidity\": 40}");
        conformance.runOnce();
        assertThat(issues()).containsExactly("UNMODELED humidity");

        devices.update(DEVICE, changes("dtmi:test:conformance:b;1"), Optional.empty());
        send("{\"humidity\": 41}");
        conformance.runOnce();
        assertThat(issues()).as("the change is not in the log yet: the kept model of template a")
                .containsExactly("UNMODELED humidity");

        log.append(new DeviceLifecycle(DEVICE, T0.plusSeconds(2), DeviceLifecycle.Change.UPDATED)).join();
        send("{\"temperature\": 21}");
        conformance.runOnce();
        assertThat(issues()).containsExactlyInAnyOrder("UNMODELED humidity", "UNMODELED temperature");
        assertThat(state.telemetryIssues().list(DEVICE)).filteredOn(i -> i.name().equals("humidity"))
                .extracting(TelemetryIssue::count).containsExactly(2L);
    }

    @Test
    void doublesInRangeAreModeledAndANumberBeyondADoubleIsInvalidWithoutHoldingUpTheConsumer() {
        send("{\"temperature\": 21.5}");
        send("{\"temperature\": -0.0}");
        send("{\"temperature\": 1e400}");
        send("{\"temperature\": \"hot\"}");

        assertThat(conformance.runOnce()).isEqualTo(4);

        assertThat(state.telemetryIssues().list(DEVICE)).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(TelemetryIssue.Kind.INVALID);
            assertThat(issue.count()).as("1e400 and \"hot\"; 21.5 and -0.0 fit").isEqualTo(2);
        });
    }

    private void send(String body) {
        log.append(new TelemetryReceived(DEVICE, T0, Optional.empty(), Map.of(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8))).join();
    }

    private java.util.List<String> issues() {
        return state.telemetryIssues().list(DEVICE).stream().map(i -> i.kind() + " " + i.name()).toList();
    }

    private static DeviceChanges changes(String template) {
        return new DeviceChanges(Optional.empty(), Optional.of(template), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static void publish(TemplateService templates, String id, String telemetry) {
        templates.publish(id, new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(), Optional.empty(),
                Optional.of(Json.parseObject("{\"@id\": \"" + id.replace(";1", "_cm;1") + "\", \"@type\": \"Interface\", "
                        + "\"@context\": \"dtmi:dtdl:context;2\", \"contents\": [{\"@type\": \"Telemetry\", "
                        + "\"name\": \"" + telemetry + "\", \"schema\": \"double\"}]}"))));
    }
}
