package org.opencentral.platform.eventlog;

import java.util.List;
import org.opencentral.core.event.LoggedEvent;

/** Something that processes the event log in order, from its own durable cursor. */
public interface LogConsumer {
    /** The cursor's name; stable across restarts. */
    String name();

    /**
     * Processes a batch. Returning normally commits the cursor past the batch; throwing leaves it
     * where it was, so the batch is seen again (at-least-once). The batch is shared with the other
     * consumers at that position: read it, never change it.
     */
    void handle(List<LoggedEvent> batch);

    /**
     * Asked before each read while the consumer is behind: whether it would do nothing with any event up
     * to {@code upTo} (the rule engine with no enabled rule), in which case the runner reads nothing and
     * moves the cursor to {@code upTo}, as if the consumer had handled those events. A consumer that
     * answers true must forget whatever it learns from events (it will not see these).
     */
    default boolean skips(long upTo) {
        return false;
    }

    /**
     * Whether the consumer stores its cursor itself, with its work, in one transaction (the rule engine):
     * the runner then never saves it (neither after a batch nor after skipped events), and the consumer
     * may store it less often than every batch as long as what it replays after a crash changes nothing.
     */
    default boolean storesCursor() {
        return false;
    }

    /** How promptly the consumer must follow the log (which background budget runs it, {@link Batching#of}). */
    default Pace pace() {
        return Pace.BACKGROUND;
    }

    /** How promptly a consumer follows the log. */
    enum Pace {
        /** As CPU is left over: below the acknowledgement path, sharing the background cores. */
        BACKGROUND,
        /**
         * With a latency target (the rule engine's lag): a lane of its own, not queued behind the
         * background consumers' batches, at normal priority, in small batches ({@link Batching#PROMPT}).
         */
        PROMPT
    }
}
