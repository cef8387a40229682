package org.opencentral.api;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * Real platform services over SQLite and DuckDB in a temporary directory, and an {@link ApiServer}
 * on a free port in front of them. Tokens are checked against a clock the test can move.
 */
final class TestPlatform implements AutoCloseable {
    static final String ID_SCOPE = "0ne00000001";

    final StateStore state;
    final EventLog log;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final DeviceRegistry devices;
    final TwinService twins;
    final ApiTokenService tokens;
    final TokenClock tokenClock = new TokenClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicBoolean ready = new AtomicBoolean(true);
    final ApiServer server;
    final int port;

    TestPlatform(Path dir) {
        state = SqliteStateStore.open(dir.resolve("state.db"));
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
        Clock clock = Clock.systemUTC();
        DeviceSessions sessions = new DeviceSessions(timer);
        devices = new DeviceRegistry(state.devices(), log, sessions, clock);
        twins = new TwinService(state.twins(), log, sessions, clock);
        tokens = new ApiTokenService(state.apiTokens(), "app-test", tokenClock);
        ApiServices services = new ApiServices(devices, twins, new CommandService(sessions),
                new CloudToDeviceService(state.c2d(), sessions, clock), state.lastValues(), tokens, clock);
        Operations operations = new Operations(ready::get, () -> "# HELP up 1\nup 1\n", meters);
        server = new ApiServer(ApiConfig.of("127.0.0.1", 0, ID_SCOPE), services, operations);
        port = server.start();
    }

    String token(String id, BuiltInRole role) {
        return tokens.create(id, List.of(RoleAssignment.of(role.id())), Optional.empty()).value();
    }

    String token(String id, BuiltInRole role, Instant expiry) {
        return tokens.create(id, List.of(RoleAssignment.of(role.id())), Optional.of(expiry)).value();
    }

    @Override
    public void close() {
        server.stop();
        timer.shutdownNow();
        log.close();
        state.close();
    }

    /** A clock the test advances to expire tokens without sleeping. */
    static final class TokenClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
