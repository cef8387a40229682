package org.opencentral.platform.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle.Change;

/**
 * A device's raw data: its telemetry messages and connection changes as the event log holds them,
 * newest first, in pages ({@link RawMessage}). Property changes and lifecycle events of the device
 * are skipped, and the listing ends at the deletion of an earlier device of that id (a deleted and
 * re-created device does not show its predecessor's messages); a page reads the log at most
 * {@value #MAX_READS} times, so a page may hold fewer messages than asked for while older ones remain
 * (its {@code nextBefore} says so).
 *
 * <p>The boundary is the deletion, not the device's creation, because the two reach the log by
 * different paths: lifecycle events go through the state store's outbox, telemetry is appended by
 * ingest directly, so a device that connects right after it is created (as a device provisioned through
 * DPS does) can have its first messages logged before its {@code CREATED} event. A listing that ended at
 * {@code CREATED} hid them. What remains: a device deleted, re-created and sending again before the
 * outbox forwarded the deletion shows its first new messages as its predecessor's (hidden), and a
 * message of the deleted device still in flight when the deletion was forwarded shows as the new
 * device's.
 */
public final class RawMessages {
    /** The largest page. */
    public static final int MAX_PAGE = EventLog.MAX_DEVICE_READ;
    static final int MAX_READS = 4;

    private final EventLog log;

    public RawMessages(EventLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Messages newest first; {@code nextBefore} is the sequence to continue before, empty when the
     * log holds nothing older for the device.
     */
    public record Page(List<RawMessage> messages, Optional<Long> nextBefore) {
        public Page {
            messages = List.copyOf(messages);
            Objects.requireNonNull(nextBefore, "nextBefore");
        }
    }

    /** Up to {@code max} (1..{@value #MAX_PAGE}) messages of {@code device} older than sequence {@code before}. */
    public Page before(DeviceId device, long before, int max) {
        if (max < 1 || max > MAX_PAGE) {
            throw new IllegalArgumentException("max must be between 1 and " + MAX_PAGE);
        }
        List<RawMessage> messages = new ArrayList<>();
        long cursor = before;
        for (int read = 0; read < MAX_READS; read++) {
            List<LoggedEvent> events = log.readDevice(device, cursor, max);
            for (LoggedEvent event : events) {
                if (event.event() instanceof DeviceLifecycle lifecycle && lifecycle.change() == Change.DELETED) {
                    return new Page(messages, Optional.empty()); // older events belong to an earlier device of that id
                }
                RawMessage.of(event).ifPresent(messages::add);
                cursor = event.sequence();
                if (messages.size() == max) {
                    return new Page(messages, Optional.of(cursor));
                }
            }
            if (events.size() < max) {
                return new Page(messages, Optional.empty());
            }
        }
        return new Page(messages, Optional.of(cursor));
    }
}
