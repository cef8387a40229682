package org.opencentral.sim.metrics;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * The live counters of one run, written from event loops and virtual threads without locks.
 * Latencies go to HdrHistogram {@link Recorder}s in microseconds.
 */
public final class Metrics {
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final AtomicInteger connected = new AtomicInteger();
    private final LongAdder connectsSucceeded = new LongAdder();
    private final LongAdder connectsFailed = new LongAdder();
    private final ErrorCounts errors = new ErrorCounts();
    private final Recorder latency = new Recorder(3);
    private final Recorder connectLatency = new Recorder(3);

    /** A message (or request) went out. */
    public void sent(int count) {
        sent.add(count);
    }

    /** A message was acknowledged (or a request answered) {@code nanos} after it was sent. */
    public void acked(long nanos) {
        acked.increment();
        latency.recordValue(Math.max(1, nanos / 1_000));
    }

    /** A QoS 0 message went out and counts as delivered, without latency. */
    public void sentUnacknowledged(int count) {
        sent.add(count);
        acked.add(count);
    }

    public void connected(long nanos) {
        connected.incrementAndGet();
        connectsSucceeded.increment();
        connectLatency.recordValue(Math.max(1, nanos / 1_000));
    }

    public void connectFailed(String kind) {
        connectsFailed.increment();
        errors.add(kind);
    }

    public void disconnected(String kind) {
        connected.decrementAndGet();
        errors.add(kind);
    }

    public void error(String kind) {
        errors.add(kind);
    }

    public void errors(String kind, long count) {
        errors.add(kind, count);
    }

    public Counters counters() {
        return new Counters(sent.sum(), acked.sum(), connected.get(), connectsSucceeded.sum(), connectsFailed.sum(),
                errors.total());
    }

    public ErrorCounts errors() {
        return errors;
    }

    public Recorder latency() {
        return latency;
    }

    public Recorder connectLatency() {
        return connectLatency;
    }

    /** A consistent-enough snapshot of the counters. */
    public record Counters(long sent, long acked, int connected, long connectsSucceeded, long connectsFailed,
                           long errors) {
        public Counters minus(Counters earlier) {
            return new Counters(sent - earlier.sent, acked - earlier.acked, connected,
                    connectsSucceeded - earlier.connectsSucceeded, connectsFailed - earlier.connectsFailed,
                    errors - earlier.errors);
        }
    }
}
