package org.opencentral.platform.outbox;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;

/**
 * A real event log that cannot be appended to (an injected failure): after the first {@code accepted}
 * appends every append fails; reads pass.
 */
final class FailingLog implements EventLog {
    private final EventLog log;
    private final AtomicInteger accepted;
    private final AtomicInteger attempts = new AtomicInteger();

    FailingLog(EventLog log) {
        this(log, 0);
    }

    FailingLog(EventLog log, int accepted) {
        this.log = log;
        this.accepted = new AtomicInteger(accepted);
    }

    /** How many appends were refused. */
    int attempts() {
        return attempts.get();
    }

    @Override
    public CompletableFuture<Long> append(PlatformEvent event) {
        if (accepted.getAndDecrement() > 0) {
            return log.append(event);
        }
        attempts.incrementAndGet();
        return CompletableFuture.failedFuture(new IOException("injected: the event log cannot be appended to"));
    }

    @Override
    public List<LoggedEvent> read(long afterSequence, int max) {
        return log.read(afterSequence, max);
    }

    @Override
    public List<LoggedEvent> readDevice(DeviceId device, long beforeSequence, int max) {
        return log.readDevice(device, beforeSequence, max);
    }

    @Override
    public long lastSequence() {
        return log.lastSequence();
    }

    @Override
    public void onAppended(Runnable listener) {
        log.onAppended(listener);
    }

    @Override
    public void close() {
        log.close();
    }
}
