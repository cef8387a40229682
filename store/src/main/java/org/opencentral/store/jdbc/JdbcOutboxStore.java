package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.store.OutboxEntry;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.store.eventlog.EncodedEvent;
import org.opencentral.store.eventlog.EventCodec;

/**
 * The outbox table: events in the event log's own encoding ({@link EventCodec}), inserted at the end
 * of the change's transaction (after the change's own statements, so the ids of one entity's changes
 * follow its row locks), read oldest first and deleted by id once forwarded.
 */
final class JdbcOutboxStore implements OutboxStore {
    private static final String INSERT = "INSERT INTO outbox (time, kind, device_id, payload, body) "
            + "VALUES (?, ?, ?, ?, ?)";

    private final JdbcDatabase database;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    JdbcOutboxStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public <T> T write(Function<Recorder, T> change) {
        Objects.requireNonNull(change, "change");
        List<PlatformEvent> events = new ArrayList<>();
        T result = database.write(c -> {
            T changed = change.apply(event -> events.add(Objects.requireNonNull(event, "event")));
            Jdbc.batch(c, INSERT, events.stream().map(JdbcOutboxStore::row).toList());
            return changed;
        });
        if (!events.isEmpty()) {
            listeners.forEach(Runnable::run);
        }
        return result;
    }

    @Override
    public List<OutboxEntry> pending(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return database.read(c -> Jdbc.query(c, "SELECT id, time, kind, device_id, payload, body FROM outbox "
                + "ORDER BY id LIMIT ?", JdbcOutboxStore::map, max));
    }

    @Override
    public void forwarded(List<OutboxEntry> entries) {
        List<Object[]> ids = entries.stream().map(e -> new Object[] {e.id()}).toList();
        database.write(c -> Jdbc.batch(c, "DELETE FROM outbox WHERE id = ?", ids));
    }

    @Override
    public void onCommitted(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private static Object[] row(PlatformEvent event) {
        EncodedEvent encoded = EventCodec.encode(event);
        Object device = encoded.deviceId().equals(EncodedEvent.NO_DEVICE) ? SqlNull.TEXT : encoded.deviceId();
        return new Object[] {encoded.epochNanos(), encoded.kind(), device, encoded.payload(), encoded.body()};
    }

    private static OutboxEntry map(ResultSet row) throws SQLException {
        String device = row.getString("device_id");
        EncodedEvent encoded = new EncodedEvent(EncodedEvent.instantOfEpochNanos(row.getLong("time")),
                row.getString("kind"), device == null ? EncodedEvent.NO_DEVICE : device, row.getString("payload"),
                row.getBytes("body"));
        return new OutboxEntry(row.getLong("id"), EventCodec.decode(encoded));
    }
}
