package org.opencentral.platform.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each simulated device sends next: a queue ordered by due time. A device that is stopped is
 * dropped lazily (its entry no longer matches the running one). Thread-safe.
 */
final class Schedule {
    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    private final Map<org.opencentral.core.device.DeviceId, Duration> intervals = new ConcurrentHashMap<>();
    private final Duration defaultInterval;

    Schedule(Duration defaultInterval) {
        this.defaultInterval = defaultInterval;
    }

    record Due(Instant at, Object token, SimulatedDevice device) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            return at.compareTo(other.at);
        }
    }

    synchronized void add(SimulatedDevice device, Object token, Instant at) {
        queue.add(new Due(at, token, device));
    }

    /** The next entry due at or before {@code now}, removed from the queue; null when none is due. */
    synchronized Due pollDue(Instant now) {
        Due head = queue.peek();
        return head == null || head.at().isAfter(now) ? null : queue.poll();
    }

    /** Puts a device that just sent back in the queue, one interval later (not in the past). */
    synchronized void again(Due sent, Instant now) {
        Instant next = sent.at().plus(interval(sent.device()));
        queue.add(new Due(next.isBefore(now) ? now : next, sent.token(), sent.device()));
    }

    Duration interval(SimulatedDevice device) {
        return intervals.getOrDefault(device.id(), defaultInterval);
    }

    void setInterval(org.opencentral.core.device.DeviceId id, Duration interval) {
        intervals.put(id, interval);
    }

    void forget(org.opencentral.core.device.DeviceId id) {
        intervals.remove(id);
    }

    synchronized int size() {
        return queue.size();
    }
}
