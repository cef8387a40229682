package org.opencentral.store.eventlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.AuditRecorded;
import org.opencentral.core.event.PlatformEvent.CloudPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.DesiredPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.event.PlatformEvent.DeviceDisconnected;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.ReportedPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;

/**
 * The in-memory tail of a {@link GroupCommitLog}: the most recently committed events, consecutive
 * by sequence, in a ring bounded by {@link TailLimits} (the oldest are dropped first). The writer
 * thread adds each committed batch before its sequences become readable; {@link #read} answers from
 * memory when the requested range starts inside the ring and is empty otherwise, so that the caller
 * reads storage. The events are the ones storage would return ({@link #asStored}), so a reader
 * cannot tell where an answer came from.
 */
final class RecentEvents {
    /** A rough per-event cost of the objects around the stored bytes (record, maps, strings). */
    private static final int OVERHEAD_BYTES = 160;

    private final TailLimits limits;
    private final LoggedEvent[] ring;
    private final int[] sizes;
    private int head;
    private int count;
    private long bytes;

    RecentEvents(TailLimits limits) {
        this.limits = limits;
        this.ring = new LoggedEvent[limits.events()];
        this.sizes = new int[limits.events()];
    }

    /**
     * The event as a read from storage returns it. Telemetry, connectivity and lifecycle (device and template) events
     * round-trip field for field, so the appended instance is kept; JSON payloads come back as
     * Jackson parses them (an int-sized {@code LongNode} as an {@code IntNode}), so those are decoded.
     */
    static PlatformEvent asStored(PlatformEvent event, EncodedEvent encoded) {
        return switch (event) {
            case TelemetryReceived t -> t;
            case DeviceConnected c -> c;
            case DeviceDisconnected d -> d;
            case DeviceLifecycle l -> l;
            case TemplateLifecycle t -> t;
            case ReportedPropertiesUpdated r -> EventCodec.decode(encoded);
            case DesiredPropertiesUpdated d -> EventCodec.decode(encoded);
            case CloudPropertiesUpdated c -> EventCodec.decode(encoded);
            case AuditRecorded a -> EventCodec.decode(encoded);
        };
    }

    /** The memory an event is charged with: its stored columns plus a fixed overhead. */
    static int sizeOf(EncodedEvent encoded) {
        long size = OVERHEAD_BYTES + 2L * (encoded.payload().length() + encoded.deviceId().length() + encoded.kind().length())
                + encoded.body().length;
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /**
     * Adds a committed batch numbered from {@code firstSequence}. A batch that does not follow the
     * newest event held (after a failed batch or a cleared ring) starts the ring afresh.
     */
    synchronized void add(long firstSequence, List<GroupCommitWriter.Pending> batch) {
        if (!limits.enabled()) {
            return;
        }
        if (count > 0 && firstSequence != newest() + 1) {
            clear();
        }
        long sequence = firstSequence;
        for (GroupCommitWriter.Pending pending : batch) {
            add(new LoggedEvent(sequence++, pending.stored()), pending.bytes());
        }
    }

    private void add(LoggedEvent event, int size) {
        if (size > limits.bytes()) {
            clear();
            return;
        }
        while (count == ring.length || bytes + size > limits.bytes()) {
            dropOldest();
        }
        int slot = (head + count) % ring.length;
        ring[slot] = event;
        sizes[slot] = size;
        bytes += size;
        count++;
    }

    /**
     * Up to {@code max} events with {@code after < seq <= upTo}, in order, when the first of them
     * ({@code after + 1}) is held; empty when it is not (it was dropped, or not added yet), and the
     * caller must read storage.
     */
    synchronized Optional<List<LoggedEvent>> read(long after, long upTo, int max) {
        if (count == 0 || after + 1 < oldest() || after + 1 > newest()) {
            return Optional.empty();
        }
        long last = Math.min(Math.min(upTo, newest()), after + max);
        int n = (int) Math.max(0, last - after);
        List<LoggedEvent> events = new ArrayList<>(n);
        int start = (int) ((head + (after + 1 - oldest())) % ring.length);
        for (int i = 0; i < n; i++) {
            events.add(ring[(start + i) % ring.length]);
        }
        return Optional.of(events);
    }

    /**
     * Drops every event up to the newest one timed before {@code cutoff}, so that the ring never
     * answers with events that retention removed from storage (newer ones dropped with them are
     * read from storage instead).
     */
    synchronized void dropTimedBefore(Instant cutoff) {
        int through = -1;
        for (int i = 0; i < count; i++) {
            if (ring[(head + i) % ring.length].event().time().isBefore(cutoff)) {
                through = i;
            }
        }
        for (int i = 0; i <= through; i++) {
            dropOldest();
        }
    }

    synchronized void clear() {
        while (count > 0) {
            dropOldest();
        }
        head = 0;
    }

    /** How many events are held (for tests and metrics). */
    synchronized int size() {
        return count;
    }

    private long oldest() {
        return ring[head].sequence();
    }

    private long newest() {
        return ring[(head + count - 1) % ring.length].sequence();
    }

    private void dropOldest() {
        bytes -= sizes[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        count--;
    }
}
