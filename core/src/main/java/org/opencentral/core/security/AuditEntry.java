package org.opencentral.core.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One change made through the API: who ({@code actor}, e.g. {@code user:…} or {@code apiToken:…}),
 * what ({@code action}, e.g. {@code devices.create}), on which {@code target} (e.g.
 * {@code devices/th-1}), when, and a summary of the resource before and after (never secrets;
 * empty objects when there was nothing before or after). {@code sequence} orders entries; 0 until stored.
 */
public record AuditEntry(long sequence, Instant time, String actor, String action, String target, ObjectNode before,
        ObjectNode after) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        before = before.deepCopy();
        after = after.deepCopy();
    }

    @Override
    public ObjectNode before() {
        return before.deepCopy();
    }

    @Override
    public ObjectNode after() {
        return after.deepCopy();
    }
}
