package org.opencentral.core.store;

import java.util.Objects;
import org.opencentral.core.event.PlatformEvent;

/**
 * An event waiting in the outbox. Ids grow in the order changes recorded them; changes of one
 * entity (which lock its row) therefore keep their order.
 */
public record OutboxEntry(long id, PlatformEvent event) {
    public OutboxEntry {
        if (id < 1) {
            throw new IllegalArgumentException("an outbox id is positive");
        }
        Objects.requireNonNull(event, "event");
    }
}
