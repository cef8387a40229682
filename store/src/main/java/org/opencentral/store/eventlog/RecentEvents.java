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
 * The in-memory tail of a {@link GroupCommitLog}: the most recently committed events, consecutive by sequence,
 * bounded by {@link TailLimits} (the oldest are dropped first). The writer thread adds each committed batch before
 * its sequences become readable; {@link #read} answers from memory when the requested range starts inside the tail
 * and is empty otherwise, so that the caller reads storage. The events are the ones storage would return
 * ({@link #asStored}), so a reader cannot tell where an answer came from.
 *
 * <p>Two forms, so that holding seconds of events costs the young collections nothing: every event as bytes in
 * {@link EncodedTail} (outside the young generation, decoded when read), and the newest {@link #OBJECT_EVENTS} also
 * as the objects that were appended, which consumers keeping up read as they are (no decoding). At 10,000 msg/s
 * the objects live under a second, so a young collection copies a few thousand of them once and none is promoted.
 */
final class RecentEvents {
    /** The newest events also held as objects: more than a consumer keeping up reads at once. */
    static final int OBJECT_EVENTS = 8_192;
    /** The memory those objects may be charged with at most. */
    static final long OBJECT_BYTES = 8L << 20;
    /** A rough per-event cost of the objects around the stored bytes (record, maps, strings). */
    private static final int OVERHEAD_BYTES = 160;

    private final TailLimits limits;
    private final EncodedTail encoded;
    private final LoggedEvent[] ring;
    private final int[] sizes;
    private final long objectBytes;
    private int head;
    private int count;
    private long bytes;

    RecentEvents(TailLimits limits) {
        this.limits = limits;
        this.encoded = limits.enabled() ? new EncodedTail(limits.events(), limits.bytes()) : null;
        this.ring = new LoggedEvent[Math.min(limits.events(), OBJECT_EVENTS)];
        this.sizes = new int[ring.length];
        this.objectBytes = Math.min(limits.bytes(), OBJECT_BYTES);
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

    /** The memory an event's objects are charged with: its stored columns plus a fixed overhead. */
    static int sizeOf(EncodedEvent encoded) {
        long size = OVERHEAD_BYTES + 2L * (encoded.payload().length() + encoded.deviceId().length() + encoded.kind().length())
                + encoded.body().length;
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /**
     * Adds a committed batch numbered from {@code firstSequence}. A batch that does not follow the
     * newest event held (after a failed batch or a cleared tail) starts the tail afresh.
     */
    synchronized void add(long firstSequence, List<GroupCommitWriter.Pending> batch) {
        if (!limits.enabled()) {
            return;
        }
        if (size() > 0 && firstSequence != newest() + 1) {
            clear();
        }
        long sequence = firstSequence;
        for (GroupCommitWriter.Pending pending : batch) {
            encoded.add(sequence, pending.event());
            addObject(new LoggedEvent(sequence++, pending.stored()), pending.bytes());
        }
    }

    private void addObject(LoggedEvent event, int size) {
        if (size > objectBytes) {
            clearObjects();
            return;
        }
        while (count == ring.length || bytes + size > objectBytes) {
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
     * caller must read storage. Events held as objects are returned as they are, older ones decoded: outside the
     * lock, so that a long read never holds up the writer, and checked afterwards to be still held.
     */
    Optional<List<LoggedEvent>> read(long after, long upTo, int max) {
        long first = after + 1;
        long[] starts;
        List<LoggedEvent> objects;
        synchronized (this) {
            if (size() == 0 || !holds(first)) {
                return Optional.empty();
            }
            long last = Math.min(Math.min(upTo, newest()), after + max);
            long objectsFrom = count == 0 ? Long.MAX_VALUE : Math.max(first, oldestObject());
            starts = objectsFrom > first ? encoded.startsOf(first, Math.min(last, objectsFrom - 1)) : new long[0];
            objects = new ArrayList<>((int) Math.max(0, last - after));
            for (long sequence = objectsFrom; sequence <= last; sequence++) {
                objects.add(ring[(int) ((head + (sequence - oldestObject())) % ring.length)]);
            }
        }
        if (starts.length == 0) {
            return Optional.of(objects);
        }
        List<LoggedEvent> events = new ArrayList<>(starts.length + objects.size());
        try {
            for (int i = 0; i < starts.length; i++) {
                events.add(new LoggedEvent(first + i, EventCodec.decode(encoded.decodeAt(starts[i]))));
            }
        } catch (RuntimeException overwritten) {
            events = null;
        }
        synchronized (this) {
            if (events == null || !encoded.holds(first)) {
                return Optional.empty();   // dropped while decoded: the bytes may be another event's now
            }
        }
        events.addAll(objects);
        return Optional.of(events);
    }

    /**
     * Drops every event up to the newest one timed before {@code cutoff}, so that the tail never
     * answers with events that retention removed from storage (newer ones dropped with them are
     * read from storage instead).
     */
    synchronized void dropTimedBefore(Instant cutoff) {
        if (size() == 0) {
            return;
        }
        long through = 0;
        for (int i = 0; i < encoded.size(); i++) {
            if (EncodedEvent.instantOfEpochNanos(encoded.epochNanosAt(i)).isBefore(cutoff)) {
                through = encoded.newest() - encoded.size() + 1 + i;
            }
        }
        for (int i = 0; i < count; i++) {
            LoggedEvent event = ring[(head + i) % ring.length];
            if (event.event().time().isBefore(cutoff)) {
                through = Math.max(through, event.sequence());
            }
        }
        while (encoded.size() > 0 && encoded.oldest() <= through) {
            encoded.dropOldest();
        }
        while (count > 0 && oldestObject() <= through) {
            dropOldest();
        }
    }

    synchronized void clear() {
        if (encoded != null) {
            encoded.clear();
        }
        clearObjects();
    }

    /** How many events are held (for tests and metrics). */
    synchronized int size() {
        return Math.max(encoded == null ? 0 : encoded.size(), count);
    }

    /** How many of them are held as objects too. */
    synchronized int objects() {
        return count;
    }

    private boolean holds(long sequence) {
        return encoded.holds(sequence) || (count > 0 && sequence >= oldestObject() && sequence <= newest());
    }

    private void clearObjects() {
        while (count > 0) {
            dropOldest();
        }
        head = 0;
    }

    private long oldestObject() {
        return ring[head].sequence();
    }

    /** The newest event held: both forms end with it when they hold anything. */
    private long newest() {
        return count > 0 ? ring[(head + count - 1) % ring.length].sequence() : encoded.newest();
    }

    private void dropOldest() {
        bytes -= sizes[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        count--;
    }
}
