package org.opencentral.transport.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.opencentral.core.logging.RepeatedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Runs tasks one after another, in submission order, on a delegate executor (virtual threads):
 * per-device ordering without a thread per device. A failing task is logged and does not stop the lane;
 * a failure that every device's tasks repeat (the state store's disk full, while devices reconnect and
 * their connections are recorded) is logged once with its stack trace, then counted ({@link RepeatedFailures}).
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private static final RepeatedFailures FAILURES = RepeatedFailures.of(LOG);

    private final Executor delegate;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tail = tail.handleAsync((ignored, error) -> {
            runSafely(task);
            return null;
        }, delegate);
    }

    static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARN, e, "task failed");
        }
    }
}
