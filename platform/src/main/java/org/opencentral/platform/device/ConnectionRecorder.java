package org.opencentral.platform.device;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.event.PlatformEvent.DeviceDisconnected;
import org.opencentral.core.store.ConnectionChange;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.platform.session.ConnectionListener;
import org.opencentral.platform.template.TemplateAssignment;

/**
 * Records device connections in the registry (state, announced model id) with their event, in one
 * transaction (the outbox, from where the event reaches the log), and assigns a device the template of
 * the model it announces (Plug and Play).
 *
 * <p>Connections are recorded by group commit: a call queues its change and waits until a
 * transaction holding it has committed; whoever writes takes every change queued meanwhile (up to
 * {@value #MAX_BATCH}) into that one transaction, in queue order. A storm of 10,000 connects thus
 * costs a few dozen state-store commits, not 10,000 that each hold the only SQLite write lock, and
 * the rows of one transaction are written by one prepared statement (in a storm's profile SQLite spent
 * as long preparing statements as running them). Each
 * call still returns only once its change is stored (or throws if its transaction failed), and the
 * changes of one device keep their order. A device that announces no model id costs no template
 * lookup.
 */
public final class ConnectionRecorder implements ConnectionListener {
    /** The most changes one transaction holds. */
    static final int MAX_BATCH = 1_000;

    private final DeviceStore devices;
    private final OutboxStore outbox;
    private final Clock clock;
    private final TemplateAssignment templates;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    public ConnectionRecorder(DeviceStore devices, OutboxStore outbox, Clock clock, TemplateAssignment templates) {
        this.devices = devices;
        this.outbox = outbox;
        this.clock = clock;
        this.templates = templates;
    }

    @Override
    public void connected(DeviceId deviceId, Optional<String> modelId) {
        record(new Connected(deviceId, clock.instant(), modelId));
        if (modelId.isPresent()) {
            templates.onConnected(deviceId, modelId);
        }
    }

    @Override
    public void disconnected(DeviceId deviceId, String reason) {
        record(new Disconnected(deviceId, clock.instant(), reason));
    }

    /** Queues the change and returns once a committed transaction holds it. */
    private void record(Change change) {
        Pending pending = new Pending(change);
        queue.add(pending);
        writing.lock();
        try {
            while (!pending.written) {
                writeBatch();
            }
        } finally {
            writing.unlock();
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
    }

    /** Writes the oldest queued changes in one transaction; called holding {@link #writing}. */
    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        try {
            outbox.run(events -> {
                devices.recordConnections(batch.stream().map(pending -> pending.change.row()).toList());
                batch.forEach(pending -> events.record(pending.change.event()));
            });
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.failure = e);
        }
        batch.forEach(pending -> pending.written = true);
    }

    /** Changes waiting for a transaction (tests). */
    int queued() {
        return queue.size();
    }

    /** Whether a call is writing a transaction now (tests). */
    boolean writing() {
        return writing.isLocked();
    }

    private sealed interface Change permits Connected, Disconnected {
        /** The registry's part of the change. */
        ConnectionChange row();

        /** The event the change records. */
        PlatformEvent event();
    }

    private record Connected(DeviceId device, Instant at, Optional<String> modelId) implements Change {
        @Override
        public ConnectionChange row() {
            return new ConnectionChange(device, true, at, modelId);
        }

        @Override
        public PlatformEvent event() {
            return new DeviceConnected(device, at);
        }
    }

    private record Disconnected(DeviceId device, Instant at, String reason) implements Change {
        @Override
        public ConnectionChange row() {
            return new ConnectionChange(device, false, at, Optional.empty());
        }

        @Override
        public PlatformEvent event() {
            return new DeviceDisconnected(device, at, reason);
        }
    }

    /** A queued change; {@code written} and {@code failure} are set and read under {@link #writing}. */
    private static final class Pending {
        final Change change;
        boolean written;
        RuntimeException failure;

        Pending(Change change) {
            this.change = change;
        }
    }
}
