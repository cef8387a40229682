package org.opencentral.platform.export;

import java.util.Objects;

/**
 * How one export's delivery to one destination is doing since the server started: messages sent,
 * failed (refused attempts and messages whose transform failed), retries, and the lag behind the
 * event log in events and seconds at its last step. The same numbers as {@code /metrics}.
 */
public record DeliveryCounters(String exportId, String destinationId, long sent, long failed, long retries,
        long lagEvents, long lagSeconds) {
    public DeliveryCounters {
        Objects.requireNonNull(exportId, "exportId");
        Objects.requireNonNull(destinationId, "destinationId");
    }
}
