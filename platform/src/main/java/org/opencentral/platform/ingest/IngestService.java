package org.opencentral.platform.ingest;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;

/**
 * Accepts device-to-cloud messages: appends them to the event log and notes the device's activity.
 * Never blocks: the returned future completes when the message is durable, and only then may the
 * transport acknowledge it.
 */
public final class IngestService {
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final EventLog log;
    private final ActivityTracker activity;
    private final Clock clock;

    public IngestService(EventLog log, ActivityTracker activity, Clock clock) {
        this.log = log;
        this.activity = activity;
        this.clock = clock;
    }

    public CompletableFuture<Long> telemetry(DeviceId id, TelemetryMessage message) {
        if (message.body().length > MAX_MESSAGE_BYTES) {
            return CompletableFuture.failedFuture(new DomainException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "device-to-cloud messages are limited to 256 KB"));
        }
        activity.heardFrom(id);
        return log.append(new TelemetryReceived(id, clock.instant(), message.component(),
                message.applicationProperties(), message.systemProperties(), message.body()));
    }
}
