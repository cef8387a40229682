package org.opencentral.platform.eventlog;

import java.util.List;
import org.opencentral.core.event.LoggedEvent;

/** Something that processes the event log in order, from its own durable cursor. */
public interface LogConsumer {
    /** The cursor's name; stable across restarts. */
    String name();

    /**
     * Processes a batch. Returning normally commits the cursor past the batch; throwing leaves it
     * where it was, so the batch is seen again (at-least-once).
     */
    void handle(List<LoggedEvent> batch);
}
