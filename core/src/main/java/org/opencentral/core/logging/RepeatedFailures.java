package org.opencentral.core.logging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Logs a failure that repeats (a full disk refusing every write, a store down while a loop retries and
 * every device reconnects) once with its stack trace, then counts its repeats instead of logging each:
 * a repeat after {@link #WINDOW} of counting is logged with the count, without the stack trace
 * ("… (37 more like this in the last 60 s)"), and opens the next window. Failures are alike when they
 * have the same message pattern and the same exception class at the root of their causes, whatever
 * the pattern's arguments (a device id, a sequence number). A failure is logged whole (with its stack
 * trace) when it is the first of its kind or none like it came for a whole window. {@link #recovered()}
 * logs what was counted so far; a failure that comes back within the window is counted again, so a
 * store that fails and recovers by turns (a nearly full disk) adds a short line per recovery, not a
 * stack trace.
 *
 * <p>One instance per place that logs failures (a loop, a handler), sharing that place's logger.
 * Thread-safe; windows are measured by a monotonic clock ({@link System#nanoTime()} in production), so
 * a jump of the wall clock neither floods nor silences the log.
 */
public final class RepeatedFailures {
    /** How long repeats are counted before the count is logged. */
    public static final Duration WINDOW = Duration.ofSeconds(60);

    private final Logger log;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<Kind, Counting> counting = new HashMap<>();

    /** Repeats counted for {@code window}, by {@code nanoTime} (tests pass a clock they move). */
    public RepeatedFailures(Logger log, Duration window, LongSupplier nanoTime) {
        this.log = Objects.requireNonNull(log, "log");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive");
        }
        this.windowNanos = window.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Repeats counted for {@link #WINDOW} by {@link System#nanoTime()}. */
    public static RepeatedFailures of(Logger log) {
        return new RepeatedFailures(log, WINDOW, System::nanoTime);
    }

    /**
     * Logs {@code failure} at {@code level} with the SLF4J {@code pattern} and {@code arguments}: whole
     * if it is the first of its kind, counted if one was logged less than a window ago, with the count
     * otherwise.
     */
    public void log(Level level, Throwable failure, String pattern, Object... arguments) {
        Objects.requireNonNull(failure, "failure");
        Kind kind = new Kind(pattern, rootCause(failure).getClass().getName());
        long now = nanoTime.getAsLong();
        long repeats;
        synchronized (this) {
            Counting current = counting.get(kind);
            if (current != null && now - current.since() < windowNanos) {
                counting.put(kind, current.repeated());
                return;
            }
            counting.put(kind, new Counting(now, 0));
            repeats = current == null ? 0 : current.repeats();
        }
        if (repeats == 0) {
            log.atLevel(level).setCause(failure).log(pattern, arguments);
        } else {
            log.atLevel(level).log(pattern + " (" + failure + "; " + repeats + " more like this in the last "
                    + windowNanos / 1_000_000_000 + " s, the first logged with its stack trace)", arguments);
        }
    }

    /** The failures stopped: logs what was counted since the last line of each kind. */
    public void recovered() {
        Map<Kind, Long> ended = new HashMap<>();
        synchronized (this) {
            if (counting.isEmpty()) {
                return;
            }
            counting.replaceAll((kind, count) -> {
                if (count.repeats() == 0) {
                    return count;
                }
                ended.put(kind, count.repeats());
                return new Counting(count.since(), 0);
            });
        }
        ended.forEach((kind, repeats) -> log.info("{} more failures like \"{}\" ({}) until it recovered", repeats,
                kind.pattern(), kind.rootCause()));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private record Kind(String pattern, String rootCause) {
    }

    /** Repeats since {@code since} (nanoTime of the last line logged of the kind). */
    private record Counting(long since, long repeats) {
        Counting repeated() {
            return new Counting(since, repeats + 1);
        }
    }
}
