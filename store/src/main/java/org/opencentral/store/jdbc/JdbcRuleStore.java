package org.opencentral.store.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.rule.ActionOutcome;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.core.rule.RuleChanges;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.core.rule.RuleStatus;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.RuleStore;

/**
 * Rules in {@code rules}: the rule's JSON form as a document (which never holds a webhook's
 * secret), its template beside it, and its webhook secrets sealed in {@code secrets} (owner
 * {@code rule/{id}}, slot {@code action{i}}). Their state, history and outbox live in
 * {@link RuleRuntimeRows}; all of it goes with the rule.
 */
final class JdbcRuleStore implements RuleStore {
    private static final String UPSERT = "INSERT INTO rules (id, template, document, secrets) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET template = excluded.template, document = excluded.document, "
            + "secrets = excluded.secrets";
    private static final String COLUMNS = "id, document, secrets";

    private final JdbcDatabase database;
    private final SealedKeys keys;
    private final RuleRuntimeRows runtime;

    JdbcRuleStore(JdbcDatabase database, SealedKeys keys) {
        this.database = database;
        this.keys = keys;
        this.runtime = new RuleRuntimeRows(database);
    }

    @Override
    public Optional<Rule> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM rules WHERE id = ?", this::map, id));
    }

    @Override
    public Page<Rule> list(Optional<String> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<Rule> rows = database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM rules WHERE id > ? "
                + "ORDER BY id LIMIT ?", this::map, after.orElse(""), limit + 1));
        return KeysetPage.of(rows, limit, Rule::id);
    }

    @Override
    public boolean put(Rule rule) {
        String document = Json.write(RuleJson.write(rule));
        String secrets = Json.write(sealed(rule));
        return database.write(c -> {
            boolean existed = Jdbc.exists(c, "SELECT 1 FROM rules WHERE id = ?", rule.id());
            Jdbc.update(c, UPSERT, rule.id(), rule.template(), document, secrets);
            return !existed;
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM rules WHERE id = ?", id)) > 0;
    }

    @Override
    public List<RuleInstance> instances(String rule) {
        return runtime.instances(rule);
    }

    @Override
    public Map<String, RuleStatus> statuses(Collection<String> rules) {
        return runtime.statuses(rules);
    }

    @Override
    public void record(RuleChanges changes) {
        runtime.record(changes);
    }

    @Override
    public Page<RuleHistoryEntry> history(String rule, Optional<Long> before, int limit) {
        return runtime.history(rule, before, limit);
    }

    @Override
    public List<ActionTask> dueActions(Instant now, int limit) {
        return runtime.dueActions(now, limit);
    }

    @Override
    public void finish(ActionOutcome outcome) {
        runtime.finish(outcome);
    }

    private ObjectNode sealed(Rule rule) {
        ObjectNode secrets = Json.object();
        for (int i = 0; i < rule.actions().size(); i++) {
            if (rule.actions().get(i) instanceof RuleAction.Webhook w && w.secret().isPresent()) {
                secrets.put(Integer.toString(i), keys.seal(w.secret().get(), owner(rule.id()), slot(i)));
            }
        }
        return secrets;
    }

    private Rule map(ResultSet row) throws SQLException {
        String id = row.getString("id");
        Rule rule = RuleJson.read(id, Json.parse(row.getString("document")));
        ObjectNode secrets = Json.parseObject(row.getString("secrets"));
        if (secrets.isEmpty()) {
            return rule;
        }
        List<RuleAction> actions = new ArrayList<>(rule.actions());
        secrets.properties().forEach(s -> {
            int i = Integer.parseInt(s.getKey());
            if (i < actions.size() && actions.get(i) instanceof RuleAction.Webhook w) {
                actions.set(i, w.withSecret(Optional.of(keys.openSlot(s.getValue().asText(), owner(id), slot(i)))));
            }
        });
        return rule.withActions(actions);
    }

    private static String owner(String rule) {
        return "rule/" + rule;
    }

    private static String slot(int action) {
        return "action" + action;
    }
}
