package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.security.AuditEntry;
import org.opencentral.core.store.AuditLogStore;
import org.opencentral.core.store.Page;

/** The audit log: rows numbered by the database, read newest first by keyset on the sequence. */
final class JdbcAuditLogStore implements AuditLogStore {
    private static final String COLUMNS = "seq, time, actor, action, target, before_summary, after_summary";

    private final JdbcDatabase database;

    JdbcAuditLogStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public AuditEntry append(AuditEntry entry) {
        long seq = database.write(c -> Jdbc.queryOne(c, "INSERT INTO audit_log (time, actor, action, target, "
                + "before_summary, after_summary) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq", row -> row.getLong(1),
                entry.time(), entry.actor(), entry.action(), entry.target(), entry.before().toString(),
                entry.after().toString()).orElseThrow());
        return new AuditEntry(seq, entry.time(), entry.actor(), entry.action(), entry.target(), entry.before(),
                entry.after());
    }

    @Override
    public Page<AuditEntry> list(Optional<Long> before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<AuditEntry> rows = database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?", JdbcAuditLogStore::map,
                before.orElse(Long.MAX_VALUE), limit + 1));
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<AuditEntry> page = new ArrayList<>(rows.subList(0, limit));
        return new Page<>(page, Optional.of(Long.toString(page.getLast().sequence())));
    }

    @Override
    public List<AuditEntry> after(long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq "
                + "LIMIT ?", JdbcAuditLogStore::map, afterSequence, limit));
    }

    private static AuditEntry map(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("seq"), Jdbc.instant(row, "time"), row.getString("actor"),
                row.getString("action"), row.getString("target"), Json.parseObject(row.getString("before_summary")),
                Json.parseObject(row.getString("after_summary")));
    }
}
