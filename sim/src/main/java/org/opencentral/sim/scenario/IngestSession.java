package org.opencentral.sim.scenario;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opencentral.sim.client.Connection;
import org.opencentral.sim.metrics.Metrics;

/**
 * One device publishing telemetry (over MQTT or AMQP: an acknowledgement is a PUBACK or an accepted
 * settlement). As fast as acknowledged: keeps {@code window} QoS 1 messages in
 * flight, sending the next one from each PUBACK. At a rate: sends what is due every tick, never more
 * than the window in flight (a full window is counted as {@code window_full}). Open loop (a rate per
 * device): every message has its scheduled time, the first one at a random offset within one interval;
 * its latency is timed from that time, and a message the window holds back is sent (late, and counted
 * late) on the next PUBACK instead of being skipped. QoS 0 counts a message as delivered when written.
 * With a {@link Sequence} (QoS 1) every body is numbered and the acknowledged numbers are recorded.
 */
final class IngestSession extends ScenarioSession<Connection> {
    private static final long MIN_TICK_NANOS = 50_000_000;

    private final String topic;
    private final byte[] body;
    private final MqttQoS qos;
    private final int window;
    private final double rate;
    private final long intervalNanos;
    private final long limit;
    private final InFlight inFlight;
    /** Numbers the messages and records their acknowledgements; null when not asked for. */
    private final Sequence sequence;
    private volatile boolean running;
    private ScheduledFuture<?> ticks;
    private long startNanos;
    private long sentSinceStart;
    private long nextDue;
    private boolean heldBack;
    private volatile long sentTotal;

    IngestSession(Metrics metrics, String topic, byte[] body, IngestSettings settings, double ratePerConnection,
            Sequence sequence) {
        super(metrics);
        this.sequence = sequence;
        this.topic = topic;
        this.body = body;
        this.qos = settings.mqttQos();
        this.window = settings.window();
        this.rate = ratePerConnection;
        this.intervalNanos = settings.ratePerDevice() > 0 ? (long) (1e9 / settings.ratePerDevice()) : 0;
        this.limit = settings.messagesPerDevice() == 0 ? Long.MAX_VALUE : settings.messagesPerDevice();
        this.inFlight = qos == MqttQoS.AT_LEAST_ONCE ? new InFlight(window) : null;
    }

    /** Starts publishing (from any thread). */
    void start() {
        execute(() -> {
            running = true;
            startNanos = System.nanoTime();
            if (intervalNanos > 0) {
                nextDue = startNanos + (long) (Math.random() * intervalNanos);
                scheduleNext();
            } else if (rate > 0) {
                long tick = Math.max(MIN_TICK_NANOS, (long) (1e9 / rate));
                long offset = (long) (Math.random() * tick);
                ticks = connection.eventLoop().scheduleAtFixedRate(this::sendDue, offset, tick, TimeUnit.NANOSECONDS);
            } else {
                fill();
            }
        });
    }

    /** Stops publishing; messages in flight may still be acknowledged. */
    void stop() {
        running = false;
        execute(() -> {
            if (ticks != null) {
                ticks.cancel(false);
            }
        });
    }

    /** Whether this device sent its whole allowance (or has no connection); read from any thread. */
    boolean finished() {
        return connection == null || !connection.isActive() || sentTotal >= limit;
    }

    @Override
    public void onAcknowledged(int id) {
        int number = inFlight == null ? -1 : inFlight.number(id);
        long latency = inFlight == null ? -1 : inFlight.remove(id, System.nanoTime());
        if (latency < 0) {
            metrics.error("unexpected_acknowledgement");
            return;
        }
        if (sequence != null) {
            sequence.acknowledged(number);
        }
        metrics.acked(latency);
        sendMore();
    }

    /** The server settled a message without taking it: counted by reason, its slot in the window freed. */
    @Override
    public void onRefused(int id, String reason) {
        if (inFlight == null || inFlight.remove(id, System.nanoTime()) < 0) {
            metrics.error("unexpected_acknowledgement");
            return;
        }
        metrics.error(reason);
        sendMore();
    }

    private void sendMore() {
        if (heldBack) {
            sendScheduled();
        } else if (running && rate == 0 && intervalNanos == 0) {
            sendUpTo(window - inFlight.count());  // flushed by the client after the read batch
        }
    }

    @Override
    public void onWritable() {
        if (heldBack) {
            sendScheduled();
        } else if (running && rate == 0 && intervalNanos == 0) {
            fill();
        }
    }

    @Override
    public void onClosed(Throwable cause) {
        super.onClosed(cause);
        running = false;
        if (inFlight != null && inFlight.count() > 0) {
            metrics.error("unacknowledged_at_close");
        }
    }

    private void fill() {
        int sent = sendUpTo(inFlight == null ? window : window - inFlight.count());
        connection.flush();
        if (inFlight == null && sent > 0 && running) {
            connection.eventLoop().execute(this::fill); // QoS 0: keep going, but let other channels run
        }
    }

    private void sendDue() {
        if (!running || !connection.isActive()) {
            return;
        }
        long due = (long) ((System.nanoTime() - startNanos) / 1e9 * rate) - sentSinceStart;
        int room = inFlight == null ? Integer.MAX_VALUE : window - inFlight.count();
        if (due > room) {
            metrics.error("window_full");
            sentSinceStart += due - room;   // skip what cannot be sent rather than bursting later
        }
        sendUpTo((int) Math.min(due, room));
        connection.flush();
    }

    private void scheduleNext() {
        ticks = connection.eventLoop().schedule(this::sendScheduled, Math.max(0, nextDue - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    /**
     * Open loop: sends every message whose scheduled time has come, each timed from that time. What the
     * window or the socket holds back waits for the next PUBACK or writability; otherwise the next
     * scheduled message gets a timer.
     */
    private void sendScheduled() {
        heldBack = false;
        if (!running || !connection.isActive()) {
            return;
        }
        long now = System.nanoTime();
        int sent = 0;
        while (nextDue <= now && sentTotal + sent < limit && connection.isWritable()
                && (inFlight == null || inFlight.count() < window) && publish(nextDue)) {
            sent++;
            nextDue += intervalNanos;
        }
        count(sent);
        connection.flush();
        if (sentTotal >= limit) {
            return;
        }
        heldBack = nextDue <= now;
        if (!heldBack) {
            scheduleNext();
        }
    }

    private int sendUpTo(int count) {
        int sent = 0;
        while (sent < count && running && sentTotal + sent < limit && connection.isWritable()
                && publish(System.nanoTime())) {
            sent++;
        }
        count(sent);
        return sent;
    }

    /** Publishes one message timed from {@code timedFrom}; false while the in-flight ring has no slot. */
    private boolean publish(long timedFrom) {
        if (sequence != null) {
            return publishNumbered(timedFrom);
        }
        int id = 0;
        if (inFlight != null && (id = inFlight.add(timedFrom)) < 0) {
            return false;
        }
        connection.publish(topic, Unpooled.wrappedBuffer(body), qos, id);
        return true;
    }

    /** {@link #publish} of the next numbered message (QoS 1: the settings refuse numbering without it). */
    private boolean publishNumbered(long timedFrom) {
        int number = sequence.next();
        int id = inFlight.add(timedFrom, number);
        if (id < 0) {
            return false;
        }
        sequence.sent(number);
        connection.publish(topic, Unpooled.wrappedBuffer(Sequence.numbered(body, number)), qos, id);
        return true;
    }

    private void count(int sent) {
        sentSinceStart += sent;
        // counted before sentTotal can make finished() true: a run that ends once every session is
        // finished and all that was sent is acknowledged must not end before these are counted
        if (inFlight == null) {
            metrics.sentUnacknowledged(sent);
        } else {
            metrics.sent(sent);
        }
        sentTotal += sent;
    }
}
