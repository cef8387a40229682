package org.opencentral.platform.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registration operations between the 202 and the device's polls: their final
 * RegistrationOperationStatus, kept in memory for {@link #TTL} (a device that polls later simply
 * registers again). Registration is decided at once, so an operation is never pending.
 */
final class RegistrationOperations {
    static final Duration TTL = Duration.ofMinutes(10);
    private static final int MAX = 100_000;

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final Clock clock;

    RegistrationOperations(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code status} (its {@code operationId} is set here) and returns the new operation id. */
    String add(String registrationId, ObjectNode status) {
        if (operations.size() >= MAX) {
            runOnce();
        }
        String id = "5." + Long.toHexString(clock.millis()) + "." + UUID.randomUUID();
        status.put("operationId", id);
        operations.put(id, new Operation(registrationId, status, clock.instant().plus(TTL)));
        return id;
    }

    /** The operation's status, if it exists, has not expired and belongs to {@code registrationId}. */
    Optional<ObjectNode> find(String registrationId, String operationId) {
        Operation operation = operations.get(operationId);
        if (operation == null || operation.expires().isBefore(clock.instant())
                || !operation.registrationId().equals(registrationId)) {
            return Optional.empty();
        }
        return Optional.of(operation.status().deepCopy());
    }

    /** Forgets expired operations. */
    void runOnce() {
        Instant now = clock.instant();
        operations.values().removeIf(operation -> operation.expires().isBefore(now));
    }

    private record Operation(String registrationId, ObjectNode status, Instant expires) {
    }
}
