package org.opencentral.sim.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.opencentral.sim.client.ConnectFailure;

/** The one outstanding SUBSCRIBE of a connection, completed by its SUBACK. */
final class SubscribeTracker {
    private final AtomicReference<CompletableFuture<Void>> pending = new AtomicReference<>();

    CompletableFuture<Void> expect() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (!pending.compareAndSet(null, future)) {
            throw new IllegalStateException("a subscription is already pending");
        }
        return future;
    }

    void acknowledged(boolean granted) {
        CompletableFuture<Void> future = pending.getAndSet(null);
        if (future != null) {
            if (granted) {
                future.complete(null);
            } else {
                future.completeExceptionally(new ConnectFailure("suback_refused", "subscription refused"));
            }
        }
    }

    void failAll(Throwable cause) {
        CompletableFuture<Void> future = pending.getAndSet(null);
        if (future != null) {
            future.completeExceptionally(cause);
        }
    }
}
