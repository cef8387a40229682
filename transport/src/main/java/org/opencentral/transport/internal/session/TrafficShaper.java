package org.opencentral.transport.internal.session;

import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencentral.transport.internal.metrics.MqttMetrics;

/**
 * IoT Hub-style traffic shaping: over its rate a device is not refused but slowed down — the
 * channel stops reading until the token bucket has recovered and the PUBACKs of messages over the
 * rate are held back until then (a device's in-flight window then paces it). Only a
 * backlog of unacknowledged messages beyond the bound closes the connection.
 */
public final class TrafficShaper {
    private final Channel channel;
    private final TokenBucket bucket;
    private final int maxUnacknowledged;
    private final MqttMetrics metrics;
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private boolean paused;

    public TrafficShaper(Channel channel, TokenBucket bucket, int maxUnacknowledged, MqttMetrics metrics) {
        this.channel = channel;
        this.bucket = bucket;
        this.maxUnacknowledged = maxUnacknowledged;
        this.metrics = metrics;
    }

    /**
     * Counts a PUBLISH; over the rate, pauses reading until the bucket has recovered. Returns the
     * {@link System#nanoTime()} before which this message's PUBACK should not go out. Event loop only.
     */
    public long onPublish() {
        long now = System.nanoTime();
        long wait = bucket.take();
        if (wait > 0 && !paused) {
            paused = true;
            channel.config().setAutoRead(false);
            metrics.throttled();
            channel.eventLoop().schedule(this::resume, wait, TimeUnit.NANOSECONDS);
        }
        return now + wait;
    }

    /** Runs {@code ack} now, or on the event loop once {@code notBeforeNanos} has passed. */
    public void acknowledgeAt(long notBeforeNanos, Runnable ack) {
        long delay = notBeforeNanos - System.nanoTime();
        if (delay <= 0) {
            ack.run();
        } else {
            channel.eventLoop().schedule(ack, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void resume() {
        paused = false;
        if (channel.isActive()) {
            channel.config().setAutoRead(true);
        }
    }

    /** Counts a message awaiting its PUBACK; false when the backlog is over the bound. */
    public boolean awaitingAck() {
        return unacknowledged.incrementAndGet() <= maxUnacknowledged;
    }

    /** A message left the backlog (acknowledged or failed). Any thread. */
    public void settled() {
        unacknowledged.decrementAndGet();
    }

    public boolean isPaused() {
        return paused;
    }
}
