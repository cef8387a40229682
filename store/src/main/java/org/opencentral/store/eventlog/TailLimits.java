package org.opencentral.store.eventlog;

/**
 * How many of the most recently committed events a {@link GroupCommitLog} keeps in memory to serve
 * its consumers' reads without a query (DESIGN.md: "consumers get new events in memory; after a
 * restart or when they fall behind they read from the log by sequence"): at most {@code events}
 * events and about {@code bytes} bytes of them (estimated from their stored size). {@link #NONE}
 * turns the tail off; every read then goes to storage.
 */
public record TailLimits(int events, long bytes) {
    /** 100,000 events or 64 MiB: about a second of ingest at full speed, far more than one consumer batch. */
    public static final TailLimits DEFAULTS = new TailLimits(100_000, 64L << 20);
    /** No tail: every read is a query. */
    public static final TailLimits NONE = new TailLimits(0, 0);

    private static final int MAX_EVENTS = 10_000_000;

    public TailLimits {
        if (events < 0 || events > MAX_EVENTS) {
            throw new IllegalArgumentException("the event log tail holds 0 to " + MAX_EVENTS + " events, not " + events);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("the event log tail's byte limit must not be negative: " + bytes);
        }
        if ((events == 0) != (bytes == 0)) {
            throw new IllegalArgumentException("the event log tail needs both limits positive, or both 0 to turn "
                    + "it off (events " + events + ", bytes " + bytes + ")");
        }
    }

    boolean enabled() {
        return events > 0;
    }
}
