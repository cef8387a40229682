package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.CommandHistoryStore;
import org.opencentral.core.store.CommandOutcome;
import org.opencentral.core.store.CommandRecord;
import org.opencentral.core.store.Page;

/**
 * Command invocations in {@code command_history}: numbered by the database, read newest first by
 * keyset on the sequence; the device's foreign key deletes them with it. Request and response
 * payloads are stored as JSON text.
 */
final class JdbcCommandHistoryStore implements CommandHistoryStore {
    private static final String COLUMNS = "seq, device_id, command, request_id, actor, requested_at, completed_at, "
            + "connection_timeout, response_timeout, request, outcome, response, response_code";
    private static final String INSERT = "INSERT INTO command_history (device_id, command, request_id, actor, "
            + "requested_at, completed_at, connection_timeout, response_timeout, request, outcome, response, "
            + "response_code) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM devices WHERE id = ?)";
    private static final String TRIM = "DELETE FROM command_history WHERE device_id = ? AND command = ? AND seq <= "
            + "(SELECT seq FROM command_history WHERE device_id = ? AND command = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)";
    private static final String ANSWERED = "answered";
    private static final String NOT_CONNECTED = "not_connected";
    private static final String TIMED_OUT = "timed_out";

    private final JdbcDatabase database;

    JdbcCommandHistoryStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public int append(List<CommandRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = records.stream().map(JdbcCommandHistoryStore::row).toList();
        Set<List<String>> touched = new LinkedHashSet<>();
        records.forEach(r -> touched.add(List.of(r.device().value(), r.command())));
        List<Object[]> trims = touched.stream()
                .map(k -> new Object[] {k.get(0), k.get(1), k.get(0), k.get(1), KEEP}).toList();
        return database.write(c -> {
            int stored = Jdbc.batch(c, INSERT, rows);
            Jdbc.batch(c, TRIM, trims);
            return stored;
        });
    }

    @Override
    public Page<CommandRecord> list(DeviceId device, String command, Optional<Long> before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<CommandRecord> rows = database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM command_history "
                + "WHERE device_id = ? AND command = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                JdbcCommandHistoryStore::map, device.value(), command, before.orElse(Long.MAX_VALUE), limit + 1));
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<CommandRecord> page = new ArrayList<>(rows.subList(0, limit));
        return new Page<>(page, Optional.of(Long.toString(page.getLast().sequence())));
    }

    private static Object[] row(CommandRecord r) {
        Object response = SqlNull.TEXT;
        Object code = SqlNull.BIGINT;
        String outcome = switch (r.outcome()) {
            case CommandOutcome.Answered answered -> {
                response = Json.write(answered.payload());
                code = (long) answered.status();
                yield ANSWERED;
            }
            case CommandOutcome.NotConnected notConnected -> NOT_CONNECTED;
            case CommandOutcome.TimedOut timedOut -> TIMED_OUT;
        };
        return new Object[] {r.device().value(), r.command(), r.id(), r.actor(), r.requested(), r.completed(),
                r.connectionTimeout(), r.responseTimeout(), Jdbc.nullableText(r.request().map(Json::write)), outcome,
                response, code, r.device().value()};
    }

    private static CommandRecord map(ResultSet row) throws SQLException {
        return new CommandRecord(row.getLong("seq"), row.getString("request_id"), DeviceId.of(row.getString("device_id")),
                row.getString("command"), row.getString("actor"), Jdbc.instant(row, "requested_at"),
                Jdbc.instant(row, "completed_at"), row.getInt("connection_timeout"), row.getInt("response_timeout"),
                Optional.ofNullable(row.getString("request")).map(Json::parse), outcome(row));
    }

    private static CommandOutcome outcome(ResultSet row) throws SQLException {
        String outcome = row.getString("outcome");
        return switch (outcome) {
            case ANSWERED -> new CommandOutcome.Answered(row.getInt("response_code"), Json.parse(row.getString("response")));
            case NOT_CONNECTED -> new CommandOutcome.NotConnected();
            case TIMED_OUT -> new CommandOutcome.TimedOut();
            default -> throw new IllegalStateException("unknown command outcome '" + outcome + "' in command_history");
        };
    }
}
