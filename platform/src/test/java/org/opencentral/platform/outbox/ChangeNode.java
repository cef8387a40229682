package org.opencentral.platform.outbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.provisioning.DeviceAttestations;
import org.opencentral.platform.provisioning.ProvisioningEndpoint;
import org.opencentral.platform.provisioning.ProvisioningService;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * One run of a node over a data directory: the real SQLite state store and DuckDB event log, every
 * service that changes state, and the outbox forwarder appending through {@code appendVia} (the log
 * itself, or a decorator that fails: then closing forwards nothing, as if the node had crashed).
 */
final class ChangeNode implements AutoCloseable {
    static final String SCOPE = "0ne00CRASH1";

    final StateStore state;
    final EventLog log;
    final OutboxForwarder forwarder;
    final DeviceRegistry devices;
    final TwinService twins;
    final TemplateService templates;
    final CloudProperties cloud;
    final DeviceAttestations attestations;
    final ProvisioningService dps;
    final AuditLog audit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    ChangeNode(Path dir, SecretCipher cipher, UnaryOperator<EventLog> appendVia) {
        Clock clock = Clock.systemUTC();
        state = SqliteStateStore.open(dir.resolve("state.db"), cipher);
        log = appendVia.apply(DuckDbEventLog.open(dir.resolve("events.duckdb")));
        forwarder = new OutboxForwarder(state.outbox(), log);
        DeviceSessions sessions = new DeviceSessions(timer);
        devices = new DeviceRegistry(state.devices(), state.outbox(), sessions, clock);
        twins = new TwinService(state.twins(), state.outbox(), sessions, clock);
        templates = new TemplateService(state.templates(), Optional.empty(), state.outbox(), clock);
        cloud = new CloudProperties(state.cloudProperties(), state.outbox(), clock);
        attestations = new DeviceAttestations(state.devices(), state.provisioning(), state.outbox(), clock);
        dps = new ProvisioningService(new ProvisioningEndpoint(SCOPE, "hub.example.test"), state.devices(),
                state.provisioning(), state.outbox(), modelId -> Optional.empty(), clock);
        audit = new AuditLog(state.auditLog(), state.outbox(), clock);
    }

    /** Stops the forwarder (forwarding what is left, if the log takes it), then closes the stores. */
    @Override
    public void close() {
        forwarder.close();
        timer.shutdownNow();
        log.close();
        state.close();
    }
}
