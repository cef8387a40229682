package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleChanges;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.RuleStore;

/**
 * Rules in {@code rules} (the rule's JSON form as a document, with its template beside it), their
 * state per device in {@code rule_instances} and their history in {@code rule_history}; both go
 * with the rule. A step's instances, history and cursor are written in one transaction.
 */
final class JdbcRuleStore implements RuleStore {
    private static final String UPSERT = "INSERT INTO rules (id, template, document) VALUES (?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET template = excluded.template, document = excluded.document";

    private static final String UPSERT_INSTANCE = "INSERT INTO rule_instances (rule_id, device_id, status, "
            + "changed_at, memory) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM rules WHERE id = ?) "
            + "ON CONFLICT (rule_id, device_id) DO UPDATE SET status = excluded.status, "
            + "changed_at = excluded.changed_at, memory = excluded.memory";
    private static final String INSERT_HISTORY = "INSERT INTO rule_history (key, rule_id, device_id, kind, at, detail) "
            + "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM rules WHERE id = ?) ON CONFLICT (key) DO NOTHING";
    private static final String SAVE_CURSOR = "INSERT INTO cursors (consumer, last_sequence) VALUES (?, ?) "
            + "ON CONFLICT (consumer) DO UPDATE SET last_sequence = excluded.last_sequence";
    private static final String HISTORY_COLUMNS = "seq, key, rule_id, device_id, kind, at, detail";

    private final JdbcDatabase database;

    JdbcRuleStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Rule> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT id, document FROM rules WHERE id = ?",
                JdbcRuleStore::map, id));
    }

    @Override
    public Page<Rule> list(Optional<String> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<Rule> rows = database.read(c -> Jdbc.query(c, "SELECT id, document FROM rules WHERE id > ? "
                + "ORDER BY id LIMIT ?", JdbcRuleStore::map, after.orElse(""), limit + 1));
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<Rule> page = rows.subList(0, limit);
        return new Page<>(page, Optional.of(page.get(limit - 1).id()));
    }

    @Override
    public boolean put(Rule rule) {
        String document = Json.write(RuleJson.write(rule));
        return database.write(c -> {
            boolean existed = Jdbc.exists(c, "SELECT 1 FROM rules WHERE id = ?", rule.id());
            Jdbc.update(c, UPSERT, rule.id(), rule.template(), document);
            return !existed;
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM rules WHERE id = ?", id)) > 0;
    }

    @Override
    public List<RuleInstance> instances(String rule) {
        return database.read(c -> Jdbc.query(c, "SELECT rule_id, device_id, status, changed_at, memory "
                + "FROM rule_instances WHERE rule_id = ?", JdbcRuleStore::instance, rule));
    }

    @Override
    public void record(RuleChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> instances = changes.instances().stream().map(i -> new Object[] {i.rule(), i.device().value(),
                i.status().name().toLowerCase(Locale.ROOT), Jdbc.millis(i.changedAt()), Json.write(i.memory()),
                i.rule()}).toList();
        List<Object[]> history = changes.history().stream().map(h -> new Object[] {h.key(), h.rule(),
                h.device().value(), h.kind().wireName(), Jdbc.millis(h.at()), Json.write(h.detail()), h.rule()})
                .toList();
        database.write(c -> {
            Jdbc.batch(c, UPSERT_INSTANCE, instances);
            Jdbc.batch(c, INSERT_HISTORY, history);
            if (changes.position().isPresent()) {
                Jdbc.update(c, SAVE_CURSOR, changes.consumer(), changes.position().getAsLong());
            }
            return null;
        });
    }

    @Override
    public Page<RuleHistoryEntry> history(String rule, Optional<Long> before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<RuleHistoryEntry> rows = database.read(c -> Jdbc.query(c, "SELECT " + HISTORY_COLUMNS
                + " FROM rule_history WHERE rule_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                JdbcRuleStore::historyEntry, rule, before.orElse(Long.MAX_VALUE), limit + 1));
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<RuleHistoryEntry> page = rows.subList(0, limit);
        return new Page<>(page, Optional.of(Long.toString(page.get(limit - 1).sequence())));
    }

    private static RuleInstance instance(ResultSet row) throws SQLException {
        return new RuleInstance(row.getString("rule_id"), DeviceId.of(row.getString("device_id")),
                RuleInstance.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                Jdbc.instant(row, "changed_at"), Json.parseObject(row.getString("memory")));
    }

    private static RuleHistoryEntry historyEntry(ResultSet row) throws SQLException {
        return new RuleHistoryEntry(row.getLong("seq"), row.getString("key"), row.getString("rule_id"),
                DeviceId.of(row.getString("device_id")),
                RuleHistoryEntry.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
                Jdbc.instant(row, "at"), Json.parseObject(row.getString("detail")));
    }

    private static Rule map(ResultSet row) throws SQLException {
        return RuleJson.read(row.getString("id"), Json.parse(row.getString("document")));
    }
}
