package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.TelemetryIssueStore;
import org.opencentral.core.template.TelemetryIssue;

/**
 * Telemetry issues: counts are summed by the upsert; the last value, reason and time are replaced
 * only by an occurrence that is not older. Rows are written in key order (lock ordering).
 */
final class JdbcTelemetryIssueStore implements TelemetryIssueStore {
    private static final String UPSERT = "INSERT INTO telemetry_issues (device_id, component, name, kind, reason, "
            + "count, last_value, last_seen) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS "
            + "(SELECT 1 FROM devices WHERE id = ?) ON CONFLICT (device_id, kind, component, name) DO UPDATE SET "
            + "count = telemetry_issues.count + excluded.count, "
            + "reason = CASE WHEN excluded.last_seen >= telemetry_issues.last_seen THEN excluded.reason "
            + "ELSE telemetry_issues.reason END, "
            + "last_value = CASE WHEN excluded.last_seen >= telemetry_issues.last_seen THEN excluded.last_value "
            + "ELSE telemetry_issues.last_value END, "
            + "last_seen = CASE WHEN excluded.last_seen >= telemetry_issues.last_seen THEN excluded.last_seen "
            + "ELSE telemetry_issues.last_seen END";
    private static final Comparator<TelemetryIssue> KEY_ORDER = Comparator
            .comparing((TelemetryIssue i) -> i.deviceId().value()).thenComparing(TelemetryIssue::kind)
            .thenComparing(TelemetryIssue::component).thenComparing(TelemetryIssue::name);

    private final JdbcDatabase database;

    JdbcTelemetryIssueStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void record(Collection<TelemetryIssue> occurrences) {
        if (occurrences.isEmpty()) {
            return;
        }
        List<Object[]> rows = occurrences.stream().sorted(KEY_ORDER)
                .map(i -> new Object[] {i.deviceId().value(), i.component(), i.name(), i.kind().name(), i.reason(),
                        i.count(), i.lastValue().toString(), i.lastSeen(), i.deviceId().value()})
                .toList();
        database.write(c -> {
            int total = 0;
            for (Object[] row : rows) {
                // one statement per row: a batch may repeat a key, and each occurrence must add up
                total += Jdbc.update(c, UPSERT, row);
            }
            return total;
        });
    }

    @Override
    public List<TelemetryIssue> list(DeviceId id) {
        return database.read(c -> Jdbc.query(c, "SELECT device_id, component, name, kind, reason, count, last_value, "
                + "last_seen FROM telemetry_issues WHERE device_id = ? ORDER BY kind DESC, component, name",
                JdbcTelemetryIssueStore::map, id.value()));
    }

    @Override
    public List<TelemetryIssue> newest(java.util.Optional<java.util.Set<String>> organizations, int limit) {
        KeysetPages.requirePositive(limit);
        if (organizations.filter(java.util.Set::isEmpty).isPresent()) {
            return List.of();
        }
        List<Object> parameters = new java.util.ArrayList<>();
        String scope = KeysetPages.organizationIn(organizations, parameters);
        parameters.add(limit);
        return database.read(c -> Jdbc.query(c, "SELECT i.device_id, i.component, i.name, i.kind, i.reason, i.count, "
                + "i.last_value, i.last_seen FROM telemetry_issues i JOIN devices ON devices.id = i.device_id "
                + "WHERE 1 = 1" + scope.replace("organization", "devices.organization")
                + " ORDER BY i.last_seen DESC, i.device_id, i.kind, i.component, i.name LIMIT ?",
                JdbcTelemetryIssueStore::map, parameters.toArray()));
    }

    private static TelemetryIssue map(ResultSet row) throws SQLException {
        return new TelemetryIssue(DeviceId.of(row.getString("device_id")), row.getString("component"),
                row.getString("name"), TelemetryIssue.Kind.valueOf(row.getString("kind")), row.getString("reason"),
                row.getLong("count"), Json.parse(row.getString("last_value")), Jdbc.instant(row, "last_seen"));
    }
}
