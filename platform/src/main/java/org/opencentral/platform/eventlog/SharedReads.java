package org.opencentral.platform.eventlog;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;

/**
 * One read of the log for every consumer at that position: the batches read recently (at most
 * {@value #KEPT_EVENTS} events of them) are kept, and a consumer whose cursor falls inside one is
 * handed the rest of it (the same {@link LoggedEvent} instances, so {@code TelemetryParses} finds
 * their parse by identity) instead of reading and decoding the log again. A consumer outside every
 * kept batch (fallen behind, or restarted elsewhere) reads on its own, and what it reads is kept
 * for those that follow it; a consumer that handed the rest of a batch starts its next read at that
 * batch's end, so followers rejoin the leader's batches. Reads happen outside the lock: a slow read
 * never holds another consumer's lookup back (two consumers racing to one position may both read).
 * Cursors stay each consumer's own; this only changes where a batch comes from.
 */
final class SharedReads {
    /** The events kept: five default batches, about what the log keeps in its own in-memory tail. */
    static final int KEPT_EVENTS = 100_000;

    private final EventLog log;
    private final int maxEvents;
    private final Deque<Kept> kept = new ArrayDeque<>();
    private int keptEvents;
    private final LongAdder sharedEvents = new LongAdder();
    private final LongAdder readEvents = new LongAdder();

    SharedReads(EventLog log, int maxEvents) {
        this.log = Objects.requireNonNull(log, "log");
        if (maxEvents < 1) {
            throw new IllegalArgumentException("a read returns at least one event, not " + maxEvents);
        }
        this.maxEvents = maxEvents;
    }

    /** Up to the reads' batch size of durable events after {@code position}, in order. */
    List<LoggedEvent> after(long position) {
        List<LoggedEvent> shared = kept(position);
        if (shared != null) {
            sharedEvents.add(shared.size());
            return shared;
        }
        List<LoggedEvent> batch = Collections.unmodifiableList(log.read(position, maxEvents));
        if (!batch.isEmpty()) {
            keep(new Kept(position, batch));
            readEvents.add(batch.size());
        }
        return batch;
    }

    /** The most events one {@link #after} returns. */
    int maxEvents() {
        return maxEvents;
    }

    /** Events handed from a kept batch, and events read from the log, since this was created. */
    LogConsumers.ReadStats stats() {
        return new LogConsumers.ReadStats(sharedEvents.sum(), readEvents.sum());
    }

    /** The rest of a kept batch after {@code position}, or null when none holds it. */
    private synchronized List<LoggedEvent> kept(long position) {
        for (Kept batch : kept) {
            if (batch.after() == position) {
                return batch.events();
            }
            if (batch.after() < position && position < batch.events().getLast().sequence()) {
                return batch.events().subList(firstAfter(batch.events(), position), batch.events().size());
            }
        }
        return null;
    }

    private synchronized void keep(Kept batch) {
        kept.addLast(batch);
        keptEvents += batch.events().size();
        while (keptEvents > KEPT_EVENTS && kept.size() > 1) {
            keptEvents -= kept.removeFirst().events().size();
        }
    }

    /** What a read after {@code after} returned: every durable event in (after, its last event]. */
    private record Kept(long after, List<LoggedEvent> events) {
    }

    /** The index of the first event of {@code batch} (in sequence order) after {@code position}. */
    private static int firstAfter(List<LoggedEvent> batch, long position) {
        int low = 0;
        int high = batch.size() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (batch.get(middle).sequence() <= position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
