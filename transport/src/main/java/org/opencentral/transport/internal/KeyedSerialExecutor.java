package org.opencentral.transport.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/** One {@link SerialExecutor}-like lane per key, created on demand and dropped when idle. */
public final class KeyedSerialExecutor<K> {
    private final Executor delegate;
    private final Map<K, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public KeyedSerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code task} after every task submitted earlier for {@code key}. */
    public void execute(K key, Runnable task) {
        CompletableFuture<?>[] created = new CompletableFuture<?>[1];
        tails.compute(key, (k, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.handleAsync((ignored, error) -> {
                SerialExecutor.runSafely(task);
                return null;
            }, delegate);
            created[0] = next;
            return next;
        });
        CompletableFuture<?> next = created[0];
        next.whenComplete((ignored, error) -> tails.remove(key, next));
    }

    /** Keys with queued or running tasks (for tests). */
    public int activeKeys() {
        return tails.size();
    }
}
