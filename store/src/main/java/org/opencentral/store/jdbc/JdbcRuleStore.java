package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.RuleStore;

/** Rules in {@code rules}: the rule's JSON form as a document, with its template beside it for lookups. */
final class JdbcRuleStore implements RuleStore {
    private static final String UPSERT = "INSERT INTO rules (id, template, document) VALUES (?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET template = excluded.template, document = excluded.document";

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

    private static Rule map(ResultSet row) throws SQLException {
        return RuleJson.read(row.getString("id"), Json.parse(row.getString("document")));
    }
}
