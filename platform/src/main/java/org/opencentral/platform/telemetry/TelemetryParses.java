package org.opencentral.platform.telemetry;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;

/**
 * Parses each telemetry message once for all the consumers that read it (last values, the
 * telemetry index, model conformance): the first consumer to reach a message parses it, the
 * others find it here. Slots are picked by sequence number and overwritten by later messages, so
 * the memory held is bounded by the capacity; a consumer that trails the first by more than that
 * parses again. A hit requires the same message (the same instance, as the log's in-memory tail
 * hands out, or an equal one read from storage), so a parse is never applied to another message.
 * Thread-safe; one instance is shared by the consumers of one log.
 */
public final class TelemetryParses {
    /**
     * Slots by default: more than the events a consumer keeping up reads in one batch, so followers hit; and few
     * enough that a parse outlives its use by less than a second at 10,000 msg/s, so that a young collection copies
     * few of them and promotes none (32,768 slots held each parse for three seconds: over a young collection's
     * interval, 15 MB copied by each).
     */
    public static final int DEFAULT_CAPACITY = 1 << 13;
    private static final int MAX_CAPACITY = 1 << 22;

    private final AtomicReferenceArray<ParsedTelemetry> slots;
    private final int mask;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public TelemetryParses() {
        this(DEFAULT_CAPACITY);
    }

    /** {@code capacity}: a power of two, 1 to 4,194,304 slots. */
    public TelemetryParses(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("the parse cache needs a power of two from 1 to " + MAX_CAPACITY
                    + " slots, not " + capacity);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
    }

    /** The parsed form of {@code telemetry}, the event of {@code logged}. */
    public ParsedTelemetry parse(LoggedEvent logged, TelemetryReceived telemetry) {
        int slot = (int) (logged.sequence() & mask);
        ParsedTelemetry cached = slots.get(slot);
        if (cached != null && (cached.message() == telemetry || cached.message().equals(telemetry))) {
            hits.increment();
            return cached;
        }
        misses.increment();
        ParsedTelemetry parsed = ParsedTelemetry.of(telemetry);
        slots.lazySet(slot, parsed);
        return parsed;
    }

    /** How many parses were found here, and how many were done, since this was created. */
    public Stats stats() {
        return new Stats(hits.sum(), misses.sum());
    }

    /** Parse-cache counters. */
    public record Stats(long hits, long parsed) {
        public Stats {
            if (hits < 0 || parsed < 0) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }
    }
}
