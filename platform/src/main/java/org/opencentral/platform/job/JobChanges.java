package org.opencentral.platform.job;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners, in memory and after the store has it, the id of a job that changed: created,
 * started, a device's outcome recorded, stopped, resumed or ended. Live views listen; a listener
 * that throws is logged and never disturbs the job.
 */
public final class JobChanges {
    private static final Logger LOG = LoggerFactory.getLogger(JobChanges.class);
    private final Set<Consumer<String>> listeners = new CopyOnWriteArraySet<>();

    /** From now on, {@code listener} receives the id of each job that changes (on the changing thread). */
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void forget(Consumer<String> listener) {
        listeners.remove(listener);
    }

    void changed(String jobId) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(jobId);
            } catch (RuntimeException e) {
                LOG.warn("a listener of job changes failed on job {}", jobId, e);
            }
        }
    }
}
