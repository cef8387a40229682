package org.opencentral.platform.eventlog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.CursorStore;

/**
 * Every consumer of the event log on a node, in one list: each runs on its own {@link ConsumerRunner}
 * from the durable cursor named by {@link LogConsumer#name()} (also its name in logs and metrics),
 * on its own thread, so a slow consumer never holds another back. The runners share one
 * {@link SharedReads}: the log is read and decoded once for every consumer at a position. The owner
 * starts them in list order and stops them in reverse.
 */
public final class LogConsumers implements AutoCloseable {
    private final List<ConsumerRunner> runners;
    private final SharedReads reads;

    public LogConsumers(EventLog log, CursorStore cursors, List<LogConsumer> consumers) {
        Set<String> names = new HashSet<>();
        for (LogConsumer consumer : consumers) {
            if (!names.add(consumer.name())) {
                throw new IllegalArgumentException("two event-log consumers share the cursor " + consumer.name());
            }
        }
        this.reads = new SharedReads(log);
        this.runners = consumers.stream()
                .map(consumer -> new ConsumerRunner(log, reads, cursors, consumer, Batching.of(consumer.pace())))
                .toList();
    }

    /** How many events the runners were handed from another's read, and how many they read from the log. */
    public ReadStats readStats() {
        return reads.stats();
    }

    /** Events handed from a batch another runner read ({@code shared}) and events read from the log. */
    public record ReadStats(long shared, long read) {
        public ReadStats {
            if (shared < 0 || read < 0) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }
    }

    /** The runners in start order: name, lag and events handled of each (for metrics and tests). */
    public List<ConsumerRunner> runners() {
        return runners;
    }

    public void start() {
        runners.forEach(ConsumerRunner::start);
    }

    @Override
    public void close() {
        runners.reversed().forEach(ConsumerRunner::close);
    }
}
