package org.opencentral.platform.export.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A pipe's batches in flight, oldest first, at most {@code max} of them: each started where the one
 * before it ended, and settled in that order, so what a pipe may save as its cursor is only ever the
 * end of a batch that the destination accepted whole, as it accepted every batch before it.
 */
final class Flights {
    private record Flight(long last, int events, Instant first, BatchSender.InFlight sending) {
    }

    /**
     * What settling found: the last event of the newest batch accepted (with every batch before it),
     * the first refusal (the batches after it are not settled), and how many events the accepted
     * batches held.
     */
    record Settled(OptionalLong acceptedUpTo, Optional<BatchSender.Refusal> refusal, int events) {
    }

    private final ArrayDeque<Flight> flights = new ArrayDeque<>();
    private final int max;

    Flights(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one batch must be allowed in flight");
        }
        this.max = max;
    }

    boolean full() {
        return flights.size() >= max;
    }

    /** Where the next batch starts: after the newest batch in flight, else after the saved cursor. */
    long next(long cursor) {
        return flights.isEmpty() ? cursor : flights.peekLast().last();
    }

    /** When the oldest event not yet accepted was appended, if one is in flight. */
    Optional<Instant> oldest() {
        return flights.isEmpty() ? Optional.empty() : Optional.of(flights.peekFirst().first());
    }

    void add(long last, int events, Instant first, BatchSender.InFlight sending) {
        if (full()) {
            throw new IllegalStateException("already " + max + " batches in flight");
        }
        flights.addLast(new Flight(last, events, first, sending));
    }

    /**
     * Settles the batches whose outcome is known, oldest first, up to the first refusal (after which
     * every batch is dropped: the pipe sends them again); with {@code wait} the oldest one is waited for.
     */
    Settled settle(boolean wait) {
        OptionalLong upTo = OptionalLong.empty();
        int events = 0;
        boolean waitNext = wait;
        while (!flights.isEmpty() && (waitNext || flights.peekFirst().sending().done())) {
            waitNext = false;
            Flight flight = flights.removeFirst();
            Optional<BatchSender.Refusal> refusal = flight.sending().outcome();
            if (refusal.isPresent()) {
                flights.clear();
                return new Settled(upTo, refusal, events);
            }
            upTo = OptionalLong.of(flight.last());
            events += flight.events();
        }
        return new Settled(upTo, Optional.empty(), events);
    }
}
