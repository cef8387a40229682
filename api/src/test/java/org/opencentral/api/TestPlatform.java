package org.opencentral.api;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.testing.MovableClock;
import org.opencentral.platform.assembly.Platform;
import org.opencentral.platform.assembly.PlatformSettings;
import org.opencentral.platform.file.FileUploadSettings;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.outbox.OutboxForwarder;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.security.SecurityServices;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.export.PostgresExportTable;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/**
 * The platform as the server assembles it ({@link Platform}) over SQLite and DuckDB in a temporary
 * directory, started (its job engine stepped by the tests), and an {@link ApiServer} on a free port
 * in front of it. Its clock runs with
 * the system clock and the test can move it (token expiry, login throttling).
 */
public final class TestPlatform implements AutoCloseable {
    static final String ID_SCOPE = "0ne00000001";

    public final StateStore state;
    final EventLog log;
    public final TelemetryStore telemetry;
    final MovableClock tokenClock = new MovableClock();
    final Platform platform;
    final DeviceSessions sessions;
    final CommandService commands;
    final CommandHistory commandHistory;
    final OutboxForwarder outboxForwarder;
    final DeviceRegistry devices;
    final TwinService twins;
    final ApiTokenService tokens;
    final SecurityServices security;
    final TemplateService templateService;
    /** The jobs; stepped by the tests ({@code jobs.runOnce()}), each device's step on the caller. */
    final org.opencentral.platform.job.Jobs jobs;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicBoolean ready = new AtomicBoolean(true);
    final AtomicReference<List<String>> problems = new AtomicReference<>(List.of());
    final ApiServer server;
    public final int port;

    TestPlatform(Path dir) {
        this(dir, ApiConfig.of("127.0.0.1", 0, ID_SCOPE));
    }

    public TestPlatform(Path dir, ApiConfig config) {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
        telemetry = DuckDbTelemetryStore.open(dir.resolve("telemetry.duckdb"));
        platform = Platform.assemble(state, log, telemetry, tokenClock,
                PlatformSettings.defaults("app-test", config.idScope(), "127.0.0.1", PostgresExportTable::new).jobsSteppedByCaller()
                        .withFiles(FileUploadSettings.in(dir.resolve("files"))));
        platform.start();
        sessions = platform.sessions();
        commands = platform.commands();
        commandHistory = platform.commandHistory();
        outboxForwarder = platform.outboxForwarder();
        devices = platform.devices();
        twins = platform.twins();
        security = platform.security();
        tokens = security.tokens();
        templateService = platform.templates().service();
        jobs = platform.jobs();
        Operations operations = new Operations(ready::get, problems::get, () -> "# HELP up 1\nup 1\n", meters);
        server = new ApiServer(config, ApiServices.of(platform), operations, Optional.of(log));
        port = server.start();
    }

    /** The REST rows of the server's route table. */
    List<org.opencentral.api.http.ApiRoute> restRoutes() {
        return server.routes().stream().filter(org.opencentral.api.http.ApiRoute.class::isInstance)
                .map(org.opencentral.api.http.ApiRoute.class::cast).toList();
    }

    /** The rows of the REST API under {@code /api}: what the OpenAPI document describes. */
    List<org.opencentral.api.http.Route> documentedRoutes() {
        return server.routes().stream().filter(org.opencentral.api.http.Route::documented).toList();
    }

    public String token(String id, BuiltInRole role) {
        return tokens.create(id, List.of(RoleAssignment.of(role.id())), Optional.empty()).value();
    }

    /** A token holding {@code role} within organization {@code org}. */
    String token(String id, String role, String org) {
        return tokens.create(id, List.of(new RoleAssignment(role, Optional.of(org))), Optional.empty()).value();
    }

    String token(String id, String role) {
        return tokens.create(id, List.of(RoleAssignment.of(role)), Optional.empty()).value();
    }

    String token(String id, BuiltInRole role, Instant expiry) {
        return tokens.create(id, List.of(RoleAssignment.of(role.id())), Optional.of(expiry)).value();
    }

    @Override
    public void close() {
        server.stop();
        platform.close();
        telemetry.close();
        log.close();
        state.close();
    }
}
