package org.opencentral.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.ActionOutcome;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.RuleChanges;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.rule.RuleStatus;
import org.opencentral.core.store.Page;

/**
 * What rules do at run time: their state per device ({@code rule_instances}), their history
 * ({@code rule_history}) and the action outbox ({@code rule_actions}). Rows of a rule deleted
 * meanwhile are not written; a history entry or action whose key is stored already is skipped.
 */
final class RuleRuntimeRows {
    private static final String UPSERT_INSTANCE = "INSERT INTO rule_instances (rule_id, device_id, status, "
            + "changed_at, memory) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM rules WHERE id = ?) "
            + "ON CONFLICT (rule_id, device_id) DO UPDATE SET status = excluded.status, "
            + "changed_at = excluded.changed_at, memory = excluded.memory";
    private static final String INSERT_HISTORY = "INSERT INTO rule_history (key, rule_id, device_id, kind, at, detail) "
            + "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM rules WHERE id = ?) ON CONFLICT (key) DO NOTHING";
    private static final String INSERT_ACTION = "INSERT INTO rule_actions (key, rule_id, action_index, device_id, "
            + "payload, attempts, due_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM rules WHERE id = ?) "
            + "ON CONFLICT (key) DO NOTHING";
    /** Per rule: its firing instances, and its newest fire or re-notification (by the history's index). */
    private static final String STATUS = "SELECT r.id, (SELECT COUNT(*) FROM rule_instances i WHERE i.rule_id = r.id "
            + "AND i.status = 'firing') AS firing, (SELECT h.at FROM rule_history h WHERE h.rule_id = r.id "
            + "AND h.kind IN ('fired', 'renotified') ORDER BY h.seq DESC LIMIT 1) AS last_fired FROM rules r WHERE r.id IN (";
    private static final String HISTORY_COLUMNS = "seq, key, rule_id, device_id, kind, at, detail";
    private static final String ACTION_COLUMNS = "seq, key, rule_id, action_index, device_id, payload, attempts, due_at";

    private final JdbcDatabase database;

    RuleRuntimeRows(JdbcDatabase database) {
        this.database = database;
    }

    List<RuleInstance> instances(String rule) {
        return database.read(c -> Jdbc.query(c, "SELECT rule_id, device_id, status, changed_at, memory "
                + "FROM rule_instances WHERE rule_id = ?", RuleRuntimeRows::instance, rule));
    }

    Map<String, RuleStatus> statuses(Collection<String> rules) {
        if (rules.isEmpty()) {
            return Map.of();
        }
        String sql = STATUS + String.join(", ", Collections.nCopies(rules.size(), "?")) + ")";
        List<Map.Entry<String, RuleStatus>> rows = database.read(c -> Jdbc.query(c, sql, row -> Map.entry(
                row.getString("id"), new RuleStatus(row.getInt("firing"), Jdbc.optionalInstant(row, "last_fired"))),
                rules.toArray()));
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void record(RuleChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> instances = changes.instances().stream().map(i -> new Object[] {i.rule(), i.device().value(),
                i.status().name().toLowerCase(Locale.ROOT), Jdbc.millis(i.changedAt()), Json.write(i.memory()),
                i.rule()}).toList();
        List<Object[]> actions = changes.actions().stream().map(a -> new Object[] {a.key(), a.rule(), a.action(),
                a.device().value(), Json.write(a.payload()), a.attempts(), Jdbc.millis(a.due()), a.rule()}).toList();
        database.write(c -> {
            Jdbc.batch(c, UPSERT_INSTANCE, instances);
            appendHistory(c, changes.history());
            Jdbc.batch(c, INSERT_ACTION, actions);
            if (changes.position().isPresent()) {
                JdbcCursorStore.save(c, changes.consumer(), changes.position().getAsLong());
            }
            return null;
        });
    }

    Page<RuleHistoryEntry> history(String rule, Optional<Long> before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<RuleHistoryEntry> rows = database.read(c -> Jdbc.query(c, "SELECT " + HISTORY_COLUMNS
                + " FROM rule_history WHERE rule_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                RuleRuntimeRows::historyEntry, rule, before.orElse(Long.MAX_VALUE), limit + 1));
        return KeysetPage.of(rows, limit, entry -> Long.toString(entry.sequence()));
    }

    List<ActionTask> dueActions(Instant now, int limit) {
        return database.read(c -> Jdbc.query(c, "SELECT " + ACTION_COLUMNS + " FROM rule_actions WHERE due_at <= ? "
                + "ORDER BY due_at, seq LIMIT ?", RuleRuntimeRows::action, Jdbc.millis(now), limit));
    }

    void finish(ActionOutcome outcome) {
        ActionTask task = outcome.task();
        database.write(c -> {
            if (outcome.retryAt().isPresent()) {
                Jdbc.update(c, "UPDATE rule_actions SET attempts = ?, due_at = ? WHERE seq = ?", task.attempts() + 1,
                        Jdbc.millis(outcome.retryAt().get()), task.sequence());
            } else {
                Jdbc.update(c, "DELETE FROM rule_actions WHERE seq = ?", task.sequence());
            }
            appendHistory(c, outcome.history().stream().toList());
            return null;
        });
    }

    private static void appendHistory(Connection c, List<RuleHistoryEntry> history) throws SQLException {
        Jdbc.batch(c, INSERT_HISTORY, history.stream().map(h -> new Object[] {h.key(), h.rule(), h.device().value(),
                h.kind().wireName(), Jdbc.millis(h.at()), Json.write(h.detail()), h.rule()}).toList());
    }

    private static RuleInstance instance(ResultSet row) throws SQLException {
        return new RuleInstance(row.getString("rule_id"), DeviceId.of(row.getString("device_id")),
                RuleInstance.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                Jdbc.instant(row, "changed_at"), Json.parseObject(row.getString("memory")));
    }

    private static RuleHistoryEntry historyEntry(ResultSet row) throws SQLException {
        return new RuleHistoryEntry(row.getLong("seq"), row.getString("key"), row.getString("rule_id"),
                DeviceId.of(row.getString("device_id")), RuleHistoryEntry.Kind.of(row.getString("kind")),
                Jdbc.instant(row, "at"), Json.parseObject(row.getString("detail")));
    }

    private static ActionTask action(ResultSet row) throws SQLException {
        return new ActionTask(row.getLong("seq"), row.getString("key"), row.getString("rule_id"),
                row.getInt("action_index"), DeviceId.of(row.getString("device_id")),
                Json.parseObject(row.getString("payload")), row.getInt("attempts"), Jdbc.instant(row, "due_at"));
    }
}
