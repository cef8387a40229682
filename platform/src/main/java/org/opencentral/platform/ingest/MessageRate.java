package org.opencentral.platform.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Device-to-cloud messages accepted by this node per minute, for the last {@value #MINUTES}
 * minutes: a ring of counters indexed by the minute since the epoch, each tagged with its minute so
 * that a slot left from an earlier hour reads as zero. Kept in memory (a restart starts from zero);
 * the dashboards' "messages per minute" tile reads it.
 */
public final class MessageRate {
    public static final int MINUTES = 60;
    private final Clock clock;
    private final AtomicLongArray minutes = new AtomicLongArray(MINUTES);
    private final AtomicLongArray counts = new AtomicLongArray(MINUTES);

    public MessageRate(Clock clock) {
        this.clock = clock;
    }

    /** One minute's count. */
    public record Minute(Instant start, long messages) {
    }

    /** Counts one accepted message in the current minute. */
    public void count() {
        long minute = clock.millis() / 60_000;
        int slot = (int) (minute % MINUTES);
        long seen = minutes.get(slot);
        if (seen != minute && minutes.compareAndSet(slot, seen, minute)) {
            counts.set(slot, 0);
        }
        counts.incrementAndGet(slot);
    }

    /** The last {@code n} whole minutes before the current one and the current one, oldest first. */
    public List<Minute> last(int n) {
        if (n < 1 || n > MINUTES) {
            throw new IllegalArgumentException("between 1 and " + MINUTES + " minutes");
        }
        long now = clock.millis() / 60_000;
        List<Minute> out = new ArrayList<>(n);
        for (long minute = now - n + 1; minute <= now; minute++) {
            int slot = (int) (minute % MINUTES);
            long messages = minutes.get(slot) == minute ? counts.get(slot) : 0;
            out.add(new Minute(Instant.ofEpochMilli(minute * 60_000), messages));
        }
        return out;
    }
}
