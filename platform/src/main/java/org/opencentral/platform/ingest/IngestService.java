package org.opencentral.platform.ingest;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.AppendSink;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;

/**
 * Accepts device-to-cloud messages: appends them to the event log and notes the device's activity.
 * Never blocks: the returned future completes when the message is durable, and only then may the
 * transport acknowledge it.
 */
public final class IngestService {
    private final EventLog log;
    private final ActivityTracker activity;
    private final Clock clock;
    private final MessageSizeLimit limit;
    private final MessageRate rate;

    public IngestService(EventLog log, ActivityTracker activity, Clock clock, MessageSizeLimit limit) {
        this.log = log;
        this.activity = activity;
        this.clock = clock;
        this.limit = java.util.Objects.requireNonNull(limit, "limit");
        this.rate = new MessageRate(clock);
    }

    /** Messages accepted per minute over the last hour (this node, since it started). */
    public MessageRate rate() {
        return rate;
    }

    /** The largest message this service accepts; the transports that feed it apply the same one. */
    public MessageSizeLimit limit() {
        return limit;
    }

    public CompletableFuture<Long> telemetry(DeviceId id, TelemetryMessage message) {
        if (!limit.admits(message.body().length)) {
            return CompletableFuture.failedFuture(tooLarge());
        }
        return log.append(accepted(id, message));
    }

    /**
     * The same, telling {@code sink} the outcome grouped by the log's batch (see {@link AppendSink}):
     * for a transport that acknowledges many messages of a batch with one hand-off.
     */
    public <T> void telemetry(DeviceId id, TelemetryMessage message, AppendSink<T> sink, T append) {
        if (!limit.admits(message.body().length)) {
            sink.failed(append, tooLarge());
            sink.batchEnd();
            return;
        }
        log.append(accepted(id, message), sink, append);
    }

    private TelemetryReceived accepted(DeviceId id, TelemetryMessage message) {
        activity.heardFrom(id);
        rate.count();
        return new TelemetryReceived(id, clock.instant(), message.component(),
                message.applicationProperties(), message.systemProperties(), message.body());
    }

    private DomainException tooLarge() {
        return new DomainException(ErrorCode.PAYLOAD_TOO_LARGE,
                "device-to-cloud messages are limited to " + limit.maxBytes() + " bytes");
    }
}
