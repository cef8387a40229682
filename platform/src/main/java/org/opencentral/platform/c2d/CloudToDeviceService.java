package org.opencentral.platform.c2d;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.core.store.C2dQueueStore;
import org.opencentral.platform.session.DeviceSession;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.platform.session.DeviceSessions;

/**
 * Cloud-to-device messages: a durable queue per device (IoT Hub limits: 64 KB, 50 pending, TTL),
 * delivered when the device is subscribed and removed only when the device acknowledges (PUBACK).
 * A device that polls (HTTPS) receives the oldest message under a lock and then completes, rejects
 * or abandons it with the lock token ({@link MessageLocks}). Blocking: call from virtual threads.
 */
public final class CloudToDeviceService {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int MAX_PENDING = 50;
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    private final C2dQueueStore queue;
    private final DeviceSessions sessions;
    private final Clock clock;
    private final MessageLocks locks = new MessageLocks();

    public CloudToDeviceService(C2dQueueStore queue, DeviceSessions sessions, Clock clock) {
        this.queue = queue;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Queues a message and delivers it at once if the device is listening. */
    public C2dMessage send(DeviceId id, byte[] body, Map<String, String> properties, Duration ttl) {
        if (body.length > MAX_BODY_BYTES) {
            throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "cloud-to-device messages are limited to 64 KB");
        }
        Instant now = clock.instant();
        if (queue.countPending(id, now) >= MAX_PENDING) {
            throw new DomainException(ErrorCode.THROTTLED,
                    "device '" + id + "' already has " + MAX_PENDING + " undelivered messages");
        }
        C2dMessage message = new C2dMessage(id, UUID.randomUUID().toString(), now, now.plus(ttl), properties, body);
        queue.enqueue(message);
        sessions.find(id).filter(s -> s.isSubscribed(Subscription.CLOUD_TO_DEVICE))
                .ifPresent(session -> session.sendCloudToDevice(message));
        return message;
    }

    /** Sends every queued message to a session that has just subscribed. */
    public void deliverPending(DeviceSession session) {
        List<C2dMessage> messages = queue.pending(session.deviceId(), clock.instant(), MAX_PENDING);
        messages.forEach(session::sendCloudToDevice);
    }

    /** The device confirmed a message: it leaves the queue. */
    public void acknowledged(DeviceId id, String messageId) {
        queue.remove(id, messageId);
    }

    /**
     * The oldest queued message no lock holds, locked for {@code lockTimeout}: it is not received
     * again until then unless abandoned. Empty when nothing is waiting.
     */
    public Optional<LockedMessage> receive(DeviceId id, Duration lockTimeout) {
        Instant now = clock.instant();
        List<C2dMessage> pending = queue.pending(id, now, MAX_PENDING);
        return locks.lockFirst(id, pending, now, lockTimeout).flatMap(lock -> pending.stream()
                .filter(message -> message.messageId().equals(lock.messageId())).findFirst()
                .map(message -> new LockedMessage(message, lock.token())));
    }

    /**
     * Settles a received message by its lock token: COMPLETE and REJECT take it off the queue (there
     * is no dead-letter queue), ABANDON makes it receivable again. False when the token holds no
     * lock (unknown, expired or already used).
     */
    public boolean settle(DeviceId id, String lockToken, Settlement settlement) {
        Optional<String> messageId = locks.release(id, lockToken, clock.instant());
        if (messageId.isEmpty()) {
            return false;
        }
        if (settlement != Settlement.ABANDON) {
            queue.remove(id, messageId.get());
        }
        return true;
    }

    /** What a polling device does with a message it received. */
    public enum Settlement { COMPLETE, REJECT, ABANDON }

    /** A received message and the token of its lock (the HTTPS ETag). */
    public record LockedMessage(C2dMessage message, String lockToken) {
        public LockedMessage {
            java.util.Objects.requireNonNull(message, "message");
            java.util.Objects.requireNonNull(lockToken, "lockToken");
        }
    }

    /** Drops expired messages; run periodically. */
    public int purgeExpired() {
        return queue.purgeExpired(clock.instant());
    }
}
