package org.opencentral.platform.c2d;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;

/**
 * The locks of cloud-to-device messages handed to polling devices (IoT Hub's HTTPS receive): a
 * locked message is not handed out again until its lock expires or is given up (abandon), and a
 * lock token settles (completes, rejects) only the message it locked, only while it holds. Locks
 * live in memory: after a restart a message is simply received again (at-least-once, as IoT Hub).
 */
final class MessageLocks {
    private final Map<DeviceId, Map<String, Lock>> byDevice = new HashMap<>();

    /** Locks the oldest of {@code pending} that no unexpired lock holds; forgets locks of messages gone. */
    synchronized Optional<Lock> lockFirst(DeviceId id, List<C2dMessage> pending, Instant now, Duration timeout) {
        Map<String, Lock> locks = byDevice.computeIfAbsent(id, device -> new HashMap<>());
        Set<String> queued = pending.stream().map(C2dMessage::messageId).collect(Collectors.toSet());
        locks.keySet().retainAll(queued);
        Optional<Lock> taken = pending.stream()
                .filter(message -> !locks.containsKey(message.messageId())
                        || locks.get(message.messageId()).expiresAt().isBefore(now))
                .findFirst()
                .map(message -> new Lock(message.messageId(), UUID.randomUUID().toString(), now.plus(timeout)));
        taken.ifPresent(lock -> locks.put(lock.messageId(), lock));
        if (locks.isEmpty()) {
            byDevice.remove(id);
        }
        return taken;
    }

    /** Gives up the lock {@code token} if it still holds, answering the message it locked. */
    synchronized Optional<String> release(DeviceId id, String token, Instant now) {
        Map<String, Lock> locks = byDevice.getOrDefault(id, Map.of());
        Optional<Lock> held = locks.values().stream()
                .filter(lock -> lock.token().equals(token) && !lock.expiresAt().isBefore(now)).findFirst();
        held.ifPresent(lock -> {
            locks.remove(lock.messageId());
            if (locks.isEmpty()) {
                byDevice.remove(id);
            }
        });
        return held.map(Lock::messageId);
    }

    /** A message locked for a device until {@code expiresAt}; {@code token} is the HTTPS ETag. */
    record Lock(String messageId, String token, Instant expiresAt) {
    }
}
