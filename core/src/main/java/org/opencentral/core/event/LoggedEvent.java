package org.opencentral.core.event;

import java.util.Objects;

/** An event as stored in the log, with its sequence number (strictly increasing, starting at 1). */
public record LoggedEvent(long sequence, PlatformEvent event) {
    public LoggedEvent {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1");
        }
        Objects.requireNonNull(event, "event");
    }
}
