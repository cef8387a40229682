package org.opencentral.platform.eventlog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;

/**
 * One read of the log for every consumer at that position: the batches read recently (at most
 * {@value #KEPT_EVENTS} events and {@value #KEPT_BATCHES} batches of them) are kept, and a consumer
 * whose cursor falls inside one is handed the rest of it, continued with the kept batches that
 * follow it up to the consumer's own batch size (the same {@link LoggedEvent} instances, so
 * {@code TelemetryParses} finds their parse by identity) instead of reading and decoding the log
 * again. So consumers of different batch sizes share reads: a background consumer following the
 * prompt rule engine's small batches is handed them joined into one of its large ones, and the rule
 * engine behind a background consumer's large read takes its own small part of it. A consumer outside
 * every kept batch (fallen behind, or restarted elsewhere) reads on its own, and what it reads is kept
 * for those that follow it. Reads happen outside the lock: a slow read never holds another consumer's
 * lookup back (two consumers racing to one position may both read). Cursors stay each consumer's
 * own; this only changes where a batch comes from.
 */
final class SharedReads {
    /**
     * The events kept (and at least the last batch read): as many as the log holds as objects in its in-memory tail
     * (under a second at 10,000 msg/s). Keeping more would keep those events alive for longer than a young
     * collection's interval, to be copied and promoted; a consumer further behind reads the log's encoded tail.
     */
    static final int KEPT_EVENTS = 8_192;
    /** The batches kept, so that a lookup scans a bounded list when the batches are small (a quiet log). */
    static final int KEPT_BATCHES = 1_000;

    private final EventLog log;
    private final Deque<Kept> kept = new ArrayDeque<>();
    private int keptEvents;
    private final LongAdder sharedEvents = new LongAdder();
    private final LongAdder readEvents = new LongAdder();

    SharedReads(EventLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Up to {@code maxEvents} durable events after {@code position}, in order. */
    List<LoggedEvent> after(long position, int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("a read returns at least one event, not " + maxEvents);
        }
        List<LoggedEvent> shared = kept(position, maxEvents);
        if (!shared.isEmpty()) {
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

    /** Events handed from a kept batch, and events read from the log, since this was created. */
    LogConsumers.ReadStats stats() {
        return new LogConsumers.ReadStats(sharedEvents.sum(), readEvents.sum());
    }

    /** Up to {@code maxEvents} kept events after {@code position}, joined across kept batches; empty when none. */
    private synchronized List<LoggedEvent> kept(long position, int maxEvents) {
        List<LoggedEvent> first = rest(position, maxEvents);
        if (first.isEmpty() || first.size() == maxEvents) {
            return first;
        }
        List<LoggedEvent> joined = null;
        List<LoggedEvent> next = rest(first.getLast().sequence(), maxEvents - first.size());
        while (!next.isEmpty()) {
            if (joined == null) {
                joined = new ArrayList<>(first);
            }
            joined.addAll(next);
            int room = maxEvents - joined.size();
            next = room == 0 ? List.of() : rest(joined.getLast().sequence(), room);
        }
        return joined == null ? first : Collections.unmodifiableList(joined);
    }

    /** The rest of the kept batch that holds the event after {@code position}, at most {@code limit} events. */
    private List<LoggedEvent> rest(long position, int limit) {
        for (Kept batch : kept) {
            List<LoggedEvent> events = batch.events();
            if (batch.after() <= position && position < events.getLast().sequence()) {
                int from = batch.after() == position ? 0 : firstAfter(events, position);
                return events.subList(from, Math.min(events.size(), from + limit));
            }
        }
        return List.of();
    }

    private synchronized void keep(Kept batch) {
        kept.addLast(batch);
        keptEvents += batch.events().size();
        while ((keptEvents > KEPT_EVENTS || kept.size() > KEPT_BATCHES) && kept.size() > 1) {
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
