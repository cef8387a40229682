package org.opencentral.platform.simulation;

import org.opencentral.core.testing.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SimulationInterval;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.store.StateStore;
import org.opencentral.dtdl.FolderModelSource;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.ingest.ActivityTracker;
import org.opencentral.platform.ingest.IngestService;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * The simulator over real services (SQLite state, an in-memory log the test can hold back, a clock
 * the test moves): scheduling, the per-tick budget, back-off when the log lags, start and stop.
 */
@Timeout(120)
class SimulatorTest {
    static final Path FIXTURES = Path.of("../testdata/dtdl");
    static final String THERMOSTAT = "dtmi:com:example:Thermostat;1";
    static final SimulationConfig CONFIG = new SimulationConfig(Duration.ofSeconds(10), Duration.ofMillis(250), 500, 300);

    @TempDir
    Path dir;
    StateStore state;
    final GatedLog log = new GatedLog();
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T12:00:00Z"));
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    DeviceRegistry devices;
    DeviceSessions sessions;
    TwinService twins;
    Simulator simulator;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        TemplateService templates = new TemplateService(state.templates(), Optional.of(new FolderModelSource(FIXTURES)),
                state.outbox(), clock);
        templates.importFromRepository(THERMOSTAT).orElseThrow();
        sessions = new DeviceSessions(timer);
        devices = new DeviceRegistry(state.devices(), state.outbox(), sessions, new CommandHistory(state.commandHistory()), clock);
        twins = new TwinService(state.twins(), state.outbox(), sessions, clock);
        IngestService ingest = new IngestService(log, new ActivityTracker(state.devices(), clock), clock,
                org.opencentral.platform.ingest.MessageSizeLimit.DEFAULT);
        simulator = new Simulator(CONFIG, new SimulationPorts(devices, templates, sessions, ingest, twins,
                new CommandService(sessions, new org.opencentral.platform.command.CommandHistory(state.commandHistory()),
                        clock, timer), new CloudToDeviceService(state.c2d(), sessions, clock)), clock);
    }

    @AfterEach
    void close() {
        simulator.close();
        timer.shutdownNow();
        state.close();
    }

    @Test
    void eachDeviceSendsOncePerIntervalWithinTheBudgetOfATick() {
        create(1_200, true);
        assertThat(simulator.resumeAll()).isEqualTo(1_200);

        assertThat(simulator.runOnce()).isEqualTo(CONFIG.maxSendsPerTick());
        assertThat(simulator.runOnce()).isEqualTo(CONFIG.maxSendsPerTick());
        assertThat(simulator.runOnce()).isEqualTo(200);
        assertThat(simulator.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(9));
        assertThat(simulator.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(simulator.runOnce() + simulator.runOnce() + simulator.runOnce()).isEqualTo(1_200);
        assertThat(log.telemetry()).hasSize(2_400);
        assertThat(Json.parse(log.telemetry().getFirst().body()).path("temperature").asDouble()).isBetween(15.0, 30.0);
    }

    @Test
    void eachDeviceSendsAtItsOwnIntervalAndANewOneTakesEffectWithoutARestart() {
        create(2, true);
        DeviceId fast = DeviceId.of("d0");
        DeviceId usual = DeviceId.of("d1");
        setInterval(fast, Optional.of(SimulationInterval.ofMillis(2_000)));
        simulator.resumeAll();

        tickFor(Duration.ofSeconds(10));
        assertThat(sentBy(fast)).as("at 0, 2, 4, 6 and 8 s").isEqualTo(5);
        assertThat(sentBy(usual)).as("at 0 s").isEqualTo(1);

        var session = sessions.find(usual).orElseThrow();
        setInterval(usual, Optional.of(SimulationInterval.ofMillis(1_000)));
        simulator.sync(usual);
        tickFor(Duration.ofSeconds(5));
        assertThat(sessions.find(usual)).as("not restarted").containsSame(session);
        assertThat(sentBy(usual)).as("then at 11, 12, 13 and 14 s").isEqualTo(1 + 4);
        assertThat(sentBy(fast)).as("then at 10, 12 and 14 s").isEqualTo(5 + 3);

        setInterval(fast, Optional.empty());
        simulator.sync(fast);
        tickFor(Duration.ofSeconds(11));
        assertThat(sentBy(fast)).as("then at 25 s, the default interval after the change").isEqualTo(8 + 1);
        assertThat(sentBy(usual)).as("then every second from 15 to 25 s").isEqualTo(5 + 11);
    }

    @Test
    void aLaggingLogPausesTheSimulation() {
        create(400, true);
        simulator.resumeAll();
        log.hold(true);

        assertThat(simulator.runOnce()).isEqualTo(CONFIG.maxInFlight());
        assertThat(simulator.runOnce()).isZero();
        log.hold(false);
        assertThat(simulator.runOnce()).isEqualTo(100);
    }

    @Test
    void devicesStartAndStopWithTheirSimulatedFlag() {
        create(2, false);
        assertThat(simulator.resumeAll()).isZero();

        devices.update(DeviceId.of("d0"), new DeviceChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(true), Optional.empty()), Optional.empty());
        simulator.sync(DeviceId.of("d0"));
        assertThat(simulator.isRunning(DeviceId.of("d0"))).isTrue();
        assertThat(twins.get(DeviceId.of("d0")).reported().properties().path("maxTempSinceLastReboot").isNumber())
                .isTrue();

        devices.delete(DeviceId.of("d0"));
        simulator.sync(DeviceId.of("d0"));
        assertThat(simulator.runningCount()).isZero();
        assertThat(simulator.runOnce()).isZero();
    }

    @Test
    void desiredPropertiesAreAcknowledged() {
        create(1, true);
        simulator.resumeAll();

        long version = twins.patchDesired(DeviceId.of("d0"), Json.parseObject("{\"targetTemperature\": 21.5}"))
                .desired().version();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                twins.get(DeviceId.of("d0")).reported().properties().path("targetTemperature").toString())
                .isEqualTo("{\"value\":21.5,\"ac\":200,\"av\":" + version + ",\"ad\":\"completed\"}"));
    }

    private void setInterval(DeviceId id, Optional<SimulationInterval> interval) {
        devices.update(id, DeviceChanges.NONE.withSimulationInterval(interval), Optional.empty());
    }

    /** Runs one tick per second of {@code duration}, the clock moving one second after each (the first at once). */
    private void tickFor(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            simulator.runOnce();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private long sentBy(DeviceId id) {
        return log.telemetry().stream().filter(t -> t.deviceId().equals(id)).count();
    }

    private void create(int count, boolean simulated) {
        for (int i = 0; i < count; i++) {
            devices.create(DeviceId.of("d" + i), new DeviceChanges(Optional.empty(), Optional.of(THERMOSTAT),
                    Optional.of(true), Optional.of(simulated), Optional.empty()));
        }
    }

    /** An event log in memory whose appends can be held back, as if it lagged. */
    static final class GatedLog implements EventLog {
        private final List<PlatformEvent> events = new ArrayList<>();
        private final List<CompletableFuture<Long>> held = new ArrayList<>();
        private boolean holding;

        synchronized void hold(boolean on) {
            holding = on;
            if (!on) {
                held.forEach(f -> f.complete((long) events.size()));
                held.clear();
            }
        }

        synchronized List<TelemetryReceived> telemetry() {
            return events.stream().filter(TelemetryReceived.class::isInstance).map(TelemetryReceived.class::cast)
                    .toList();
        }

        @Override
        public synchronized CompletableFuture<Long> append(PlatformEvent event) {
            events.add(event);
            if (holding && event instanceof TelemetryReceived) {
                CompletableFuture<Long> future = new CompletableFuture<>();
                held.add(future);
                return future;
            }
            return CompletableFuture.completedFuture((long) events.size());
        }

        @Override
        public List<LoggedEvent> read(long afterSequence, int max) {
            return List.of();
        }

        @Override
        public List<LoggedEvent> readDevice(org.opencentral.core.device.DeviceId device, long beforeSequence,
                int max) {
            return List.of();
        }

        @Override
        public synchronized long lastSequence() {
            return events.size();
        }

        @Override
        public void onAppended(Runnable listener) {
        }

        @Override
        public void close() {
        }
    }
}
