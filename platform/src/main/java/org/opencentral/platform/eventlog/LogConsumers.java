package org.opencentral.platform.eventlog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.CursorStore;

/**
 * Every consumer of the event log on a node, in one list: each runs on its own {@link ConsumerRunner}
 * from the durable cursor named by {@link LogConsumer#name()} (also its name in logs and metrics).
 * The owner starts them in list order and stops them in reverse.
 */
public final class LogConsumers implements AutoCloseable {
    private final List<ConsumerRunner> runners;

    public LogConsumers(EventLog log, CursorStore cursors, List<LogConsumer> consumers) {
        Set<String> names = new HashSet<>();
        for (LogConsumer consumer : consumers) {
            if (!names.add(consumer.name())) {
                throw new IllegalArgumentException("two event-log consumers share the cursor " + consumer.name());
            }
        }
        this.runners = consumers.stream().map(consumer -> new ConsumerRunner(log, cursors, consumer)).toList();
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
