package org.opencentral.platform.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleHistoryEntry.Kind;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.outbox.OutboxForwarder;

/**
 * The engine over a real SQLite state store and DuckDB log, driven step by step on a manual clock:
 * events are appended at the clock's time, {@link ConsumerRunner#runOnce()} reads them and
 * {@link RuleEngine#runOnce()} lets time pass. One device of the template exists.
 */
abstract class RuleEngineFixture {
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    static final DeviceId DEVICE = DeviceId.of("thermo-1");
    static final String HOT = "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(START);
    RuleStores stores;
    StateStore state;
    EventLog log;
    RuleService rules;
    RuleEngine engine;
    ConsumerRunner runner;

    @BeforeEach
    void open() {
        stores = new RuleStores(dir, clock);
        state = stores.state;
        log = stores.log;
        device(DEVICE);
        rules = stores.rules();
        start();
    }

    /** Starts (again, as after a restart) the engine and its consumer runner. */
    void start() {
        engine = new RuleEngine(state.rules(), log, stores.enginePorts(), clock);
        runner = new ConsumerRunner(log, state.cursors(), engine);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    /** Brings what the services wrote to the outbox (property changes, lifecycle, audit) to the log, and reads it. */
    void forward() {
        new OutboxForwarder(state.outbox(), log).runOnce();
        while (runner.runOnce() > 0) {
            // read everything forwarded
        }
    }

    /** A second device of the template. */
    DeviceId otherDevice() {
        DeviceId other = DeviceId.of("thermo-2");
        device(other);
        return other;
    }

    void device(DeviceId id) {
        stores.devices.create(id, new DeviceChanges(Optional.empty(), Optional.of(RuleStores.TEMPLATE),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    static String rule(String extra, String items) {
        return "{" + (extra.isEmpty() ? "" : extra + ", ") + "\"template\": \"" + RuleStores.TEMPLATE
                + "\", \"conditions\": {\"match\": \"all\", \"items\": [" + items + "]}}";
    }

    void send(String json) {
        send(DEVICE, json);
    }

    void send(DeviceId device, String json) {
        append(new PlatformEvent.TelemetryReceived(device, clock.instant(), Optional.empty(), Map.of(), Map.of(),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    void append(PlatformEvent event) {
        log.append(event).join();
        while (runner.runOnce() > 0) {
            // read everything appended so far
        }
    }

    List<RuleHistoryEntry> history(String rule) {
        return state.rules().history(rule, Optional.empty(), 100).items().reversed();
    }

    List<Kind> kinds(String rule) {
        return history(rule).stream().map(RuleHistoryEntry::kind).toList();
    }

    RuleInstance instance(String rule) {
        return state.rules().instances(rule).stream().filter(i -> i.device().equals(DEVICE)).findFirst().orElseThrow();
    }
}
