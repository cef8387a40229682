package org.opencentral.platform.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * When each simulated device sends next: a queue ordered by due time, each entry with the device's
 * interval. A device that is stopped or rescheduled is dropped lazily (its entry's token no longer
 * matches the running one). Thread-safe.
 */
final class Schedule {
    private final PriorityQueue<Due> queue = new PriorityQueue<>();

    record Due(Instant at, Object token, SimulatedDevice device, Duration interval) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            return at.compareTo(other.at);
        }
    }

    synchronized void add(SimulatedDevice device, Object token, Instant at, Duration interval) {
        queue.add(new Due(at, token, device, interval));
    }

    /** The next entry due at or before {@code now}, removed from the queue; null when none is due. */
    synchronized Due pollDue(Instant now) {
        Due head = queue.peek();
        return head == null || head.at().isAfter(now) ? null : queue.poll();
    }

    /**
     * Puts a device that just sent back in the queue, one interval after it was due (not in the
     * past), so that a device keeps its average rate while its interval is at least one tick.
     */
    synchronized void again(Due sent, Instant now) {
        Instant next = sent.at().plus(sent.interval());
        queue.add(new Due(next.isBefore(now) ? now : next, sent.token(), sent.device(), sent.interval()));
    }

    synchronized int size() {
        return queue.size();
    }
}
