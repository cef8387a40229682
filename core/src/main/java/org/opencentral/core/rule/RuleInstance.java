package org.opencentral.core.rule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/**
 * A rule's state for one device: {@code ok} or {@code firing} since {@code changedAt}, and what the
 * evaluator remembers between events ({@code memory}: item truths, last values, open windows), which
 * only the evaluator reads.
 */
public record RuleInstance(String rule, DeviceId device, Status status, Instant changedAt, ObjectNode memory) {
    /** Whether the rule's conditions hold for the device. */
    public enum Status { OK, FIRING }

    public RuleInstance {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
        memory = memory.deepCopy();
    }

    @Override
    public ObjectNode memory() {
        return memory.deepCopy();
    }
}
