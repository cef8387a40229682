package org.opencentral.core.rule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/**
 * One entry of a rule's history: it fired, fired again while firing ({@code renotified}), or
 * resolved for a device, with what it saw ({@code detail}: the values, the window); or one of its
 * actions was sent ({@code actionSent}, with how many sends the rate limit suppressed before) or
 * failed for good ({@code actionFailed}, with the error). {@code key}
 * identifies the occurrence (the same fire seen twice after a crash is stored once); {@code sequence}
 * is assigned by the store (0 before).
 */
public record RuleHistoryEntry(long sequence, String key, String rule, DeviceId device, Kind kind, Instant at,
        ObjectNode detail) {
    /** What happened. */
    public enum Kind {
        FIRED("fired"), RENOTIFIED("renotified"), RESOLVED("resolved"), ACTION_SENT("actionSent"),
        ACTION_FAILED("actionFailed");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Kind of(String wireName) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(wireName)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no history kind " + wireName);
        }

        /** Whether the entry is a fire that runs the rule's actions. */
        public boolean fires() {
            return this == FIRED || this == RENOTIFIED;
        }
    }

    public RuleHistoryEntry {
        if (sequence < 0) {
            throw new IllegalArgumentException("a sequence is never negative");
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        detail = detail.deepCopy();
    }

    @Override
    public ObjectNode detail() {
        return detail.deepCopy();
    }
}
