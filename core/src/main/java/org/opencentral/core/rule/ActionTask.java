package org.opencentral.core.rule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/**
 * One action a fire queued in the action outbox: the {@code action}-th action of {@code rule} for
 * {@code device}, with the payload built when it fired, due at {@code due} after {@code attempts}
 * failed tries. {@code key} identifies it (the fire's key and the action's index) and travels as
 * the idempotency key; {@code sequence} is assigned by the store (0 before).
 */
public record ActionTask(long sequence, String key, String rule, int action, DeviceId device, ObjectNode payload,
        int attempts, Instant due) {
    public ActionTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rule, "rule");
        if (action < 0 || attempts < 0 || sequence < 0) {
            throw new IllegalArgumentException("sequence, action and attempts are never negative");
        }
        Objects.requireNonNull(device, "device");
        payload = payload.deepCopy();
        Objects.requireNonNull(due, "due");
    }

    @Override
    public ObjectNode payload() {
        return payload.deepCopy();
    }
}
