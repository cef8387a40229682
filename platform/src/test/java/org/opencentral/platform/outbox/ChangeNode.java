package org.opencentral.platform.outbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.assembly.Platform;
import org.opencentral.platform.assembly.PlatformSettings;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.provisioning.DeviceAttestations;
import org.opencentral.platform.provisioning.ProvisioningService;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.export.PostgresExportTable;
import org.opencentral.store.sqlite.SqliteStateStore;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/**
 * One run of a node over a data directory: the real SQLite state store and DuckDB event log, the
 * platform as the server assembles it (only the forwarder is started, by the test), and the outbox forwarder appending through {@code appendVia} (the log
 * itself, or a decorator that fails: then closing forwards nothing, as if the node had crashed).
 */
final class ChangeNode implements AutoCloseable {
    static final String SCOPE = "0ne00CRASH1";

    final StateStore state;
    final EventLog log;
    final TelemetryStore telemetry;
    final Platform platform;
    final OutboxForwarder forwarder;
    final DeviceRegistry devices;
    final TwinService twins;
    final TemplateService templates;
    final CloudProperties cloud;
    final DeviceAttestations attestations;
    final ProvisioningService dps;
    final AuditLog audit;

    ChangeNode(Path dir, SecretCipher cipher, UnaryOperator<EventLog> appendVia) {
        state = SqliteStateStore.open(dir.resolve("state.db"), cipher);
        log = appendVia.apply(DuckDbEventLog.open(dir.resolve("events.duckdb")));
        telemetry = DuckDbTelemetryStore.open(dir.resolve("telemetry.duckdb"));
        platform = Platform.assemble(state, log, telemetry, Clock.systemUTC(),
                PlatformSettings.defaults("app-crash", SCOPE, "hub.example.test", PostgresExportTable::new));
        forwarder = platform.outboxForwarder();
        devices = platform.devices();
        twins = platform.twins();
        templates = platform.templates().service();
        cloud = platform.templates().cloudProperties();
        attestations = platform.provisioning().attestations();
        dps = platform.provisioning().dps();
        audit = platform.security().audit();
    }

    /** Stops the platform (the forwarder forwards what is left, if the log takes it), then closes the stores. */
    @Override
    public void close() {
        platform.close();
        telemetry.close();
        log.close();
        state.close();
    }
}
