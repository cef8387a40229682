package org.opencentral.platform.export.delivery;

import java.util.concurrent.atomic.AtomicLong;
import org.opencentral.platform.export.DeliveryCounters;

/**
 * Counters of one export's delivery to one destination, for {@code /metrics}: messages sent, failed
 * attempts, retries, and the lag in events and seconds behind the log at the last step. One object
 * per export and destination for the life of the process, so meters bound to it stay valid when the
 * definitions change.
 */
public final class PipeStats {
    private final String exportId;
    private final String destinationId;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong lagEvents = new AtomicLong();
    final AtomicLong lagSeconds = new AtomicLong();

    PipeStats(String exportId, String destinationId) {
        this.exportId = exportId;
        this.destinationId = destinationId;
    }

    public String exportId() {
        return exportId;
    }

    public String destinationId() {
        return destinationId;
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    public long retries() {
        return retries.get();
    }

    public long lagEvents() {
        return lagEvents.get();
    }

    public long lagSeconds() {
        return lagSeconds.get();
    }

    /** A snapshot of the counters. */
    public DeliveryCounters counters() {
        return new DeliveryCounters(exportId, destinationId, sent(), failed(), retries(), lagEvents(), lagSeconds());
    }
}
