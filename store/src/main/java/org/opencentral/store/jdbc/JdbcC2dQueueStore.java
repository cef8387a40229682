package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.core.store.C2dQueueStore;

/**
 * Per-device C2D queues in one table; "oldest first" is enqueue time, then insertion order.
 * A message id is unique within its device's queue (CONFLICT otherwise).
 */
final class JdbcC2dQueueStore implements C2dQueueStore {
    private static final String COLUMNS = "device_id, message_id, enqueued_at, expires_at, properties, body";
    private static final String ENQUEUE = "INSERT INTO c2d_messages (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ? "
            + "WHERE EXISTS (SELECT 1 FROM devices WHERE id = ?) ON CONFLICT DO NOTHING";

    private final JdbcDatabase database;

    JdbcC2dQueueStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void enqueue(C2dMessage message) {
        DeviceId id = message.deviceId();
        database.write(c -> {
            int inserted = Jdbc.update(c, ENQUEUE, id.value(), message.messageId(), message.enqueuedAt(),
                    message.expiresAt(), JsonColumns.stringMap(message.properties()), message.body(), id.value());
            if (inserted == 0) {
                if (!JdbcDeviceStore.exists(c, id)) {
                    throw DomainException.notFound("device '" + id + "'");
                }
                throw DomainException.conflict("message '" + message.messageId() + "' is already queued for '"
                        + id + "'");
            }
            return null;
        });
    }

    @Override
    public List<C2dMessage> pending(DeviceId id, Instant now, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM c2d_messages "
                + "WHERE device_id = ? AND expires_at > ? ORDER BY enqueued_at, seq LIMIT ?",
                JdbcC2dQueueStore::map, id.value(), now, max));
    }

    @Override
    public int countPending(DeviceId id, Instant now) {
        return (int) (long) database.read(c -> Jdbc.queryLong(c,
                "SELECT count(*) FROM c2d_messages WHERE device_id = ? AND expires_at > ?", id.value(), now));
    }

    @Override
    public boolean remove(DeviceId id, String messageId) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM c2d_messages WHERE device_id = ? AND message_id = ?",
                id.value(), messageId)) > 0;
    }

    @Override
    public int purgeExpired(Instant now) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM c2d_messages WHERE expires_at <= ?", now));
    }

    private static C2dMessage map(ResultSet row) throws SQLException {
        return new C2dMessage(DeviceId.of(row.getString("device_id")), row.getString("message_id"),
                Jdbc.instant(row, "enqueued_at"), Jdbc.instant(row, "expires_at"),
                JsonColumns.stringMap(row.getString("properties")), row.getBytes("body"));
    }
}
