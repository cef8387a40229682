package org.opencentral.platform.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.template.TemplateDraft;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** A real SQLite state store and DuckDB log with the rules tests' thermostat template published. */
final class RuleStores implements AutoCloseable {
    static final String TEMPLATE = "dtmi:rules:thermostat;1";
    static final String MODEL = """
            {"@id": "dtmi:rules:thermostat_cm;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2",
             "contents": [
               {"@type": "Telemetry", "name": "temperature", "schema": "double"},
               {"@type": "Telemetry", "name": "status", "schema": "string"},
               {"@type": "Telemetry", "name": "door", "schema": "boolean"},
               {"@type": "Telemetry", "name": "mode", "schema": {"@type": "Enum", "valueSchema": "string",
                 "enumValues": [{"name": "heat", "enumValue": "heat"}, {"name": "cool", "enumValue": "cool"}]}},
               {"@type": "Telemetry", "name": "position", "schema": {"@type": "Object", "fields": [
                 {"name": "x", "schema": "double"}]}},
               {"@type": "Property", "name": "firmware", "schema": "string"},
               {"@type": ["Property", "Cloud"], "name": "limit", "schema": "double"},
               {"@type": "Component", "name": "sensor", "schema": {"@id": "dtmi:rules:sensor;1",
                 "@type": "Interface", "contents": [{"@type": "Telemetry", "name": "level", "schema": "integer"}]}}
             ]}
            """;

    final StateStore state;
    final EventLog log;
    final TemplateService templates;

    RuleStores(Path dir, Clock clock) {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
        templates = new TemplateService(state.templates(), Optional.empty(), state.outbox(), clock);
        templates.publish(TEMPLATE, new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(),
                Optional.empty(), Optional.of(Json.parseObject(MODEL))));
    }

    /** The rule service over these stores, on a server with an SMTP server. */
    RuleService rules() {
        return new RuleService(state.rules(), new RuleChecker(templates, true),
                new RuleReplay(log, state.devices(), new TelemetryParses()));
    }

    @Override
    public void close() {
        log.close();
        state.close();
    }
}
