package org.opencentral.platform.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.session.DeviceSession.Subscription;

/**
 * The registry of live device sessions on this node: at most one per device (a new connection
 * replaces and closes the old one, as IoT Hub does), and waiters for devices that are not yet
 * connected or subscribed.
 */
public final class DeviceSessions {
    private final Map<DeviceId, DeviceSession> sessions = new ConcurrentHashMap<>();
    private final Map<DeviceId, List<Waiter>> waiters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public DeviceSessions(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Registers a session; returns the session it replaced, which the caller must close. */
    public Optional<DeviceSession> register(DeviceSession session) {
        return Optional.ofNullable(sessions.put(session.deviceId(), session));
    }

    /** Removes a session if it is still the current one for its device; true if it was. */
    public boolean unregister(DeviceSession session) {
        return sessions.remove(session.deviceId(), session);
    }

    public Optional<DeviceSession> find(DeviceId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public int count() {
        return sessions.size();
    }

    /**
     * The device's session once it is connected and subscribed to {@code subscription}; completes
     * exceptionally with {@link java.util.concurrent.TimeoutException} after {@code timeout}
     * (a zero timeout answers at once).
     */
    public CompletableFuture<DeviceSession> await(DeviceId id, Subscription subscription, Duration timeout) {
        DeviceSession current = sessions.get(id);
        if (current != null && current.isSubscribed(subscription)) {
            return CompletableFuture.completedFuture(current);
        }
        CompletableFuture<DeviceSession> future = new CompletableFuture<>();
        if (timeout.isZero() || timeout.isNegative()) {
            future.completeExceptionally(new java.util.concurrent.TimeoutException());
            return future;
        }
        Waiter waiter = new Waiter(subscription, future);
        waiters.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(waiter);
        timer.schedule(() -> future.completeExceptionally(new java.util.concurrent.TimeoutException()),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        future.whenComplete((s, e) -> waiters.computeIfPresent(id, (k, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        }));
        // The device may have subscribed between the first check and the registration of the waiter.
        subscribed(id);
        return future;
    }

    /** Called by a transport after a device subscribed to something: wakes the matching waiters. */
    public void subscribed(DeviceId id) {
        DeviceSession current = sessions.get(id);
        List<Waiter> list = waiters.get(id);
        if (current == null || list == null) {
            return;
        }
        for (Waiter waiter : list) {
            if (current.isSubscribed(waiter.subscription())) {
                waiter.future().complete(current);
            }
        }
    }

    private record Waiter(Subscription subscription, CompletableFuture<DeviceSession> future) {
    }
}
