package org.opencentral.transport.internal.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.event.AppendSink;

/**
 * The outcomes of one event loop's QoS 1 telemetry appends, handed over by the event log's writer
 * once per committed batch: the writer gathers the batch's outcomes here, and at the batch's end one
 * task on the event loop settles them in order and flushes each connection's PUBACKs once —
 * instead of a future, a callback and a possible event-loop wake-up per message.
 */
public final class DurableAcks implements AppendSink<DurableAcks.Ack> {

    /** What a QoS 1 message's outcome is about: durable (the message itself) or failed. */
    sealed interface Settled permits Ack, Failed {
    }

    /** A QoS 1 telemetry message awaiting durability; {@code ackNotBefore} is the shaper's hold. */
    record Ack(TelemetryIngest ingest, int packetId, long startNanos, long ackNotBefore) implements Settled {
    }

    record Failed(Ack ack, Throwable cause) implements Settled {
    }

    /** One {@link DurableAcks} per event loop, shared by the connections of one server. */
    public static final class PerLoop {
        private final Map<EventLoop, DurableAcks> loops = new ConcurrentHashMap<>();

        DurableAcks of(EventLoop loop) {
            return loops.computeIfAbsent(loop, DurableAcks::new);
        }
    }

    private final EventLoop loop;
    /** Outcomes told since the last batch end (the writer's thread, or an appender's on refusal). */
    private List<Settled> gathered = new ArrayList<>();
    /** The connections that hold unflushed PUBACKs while a batch is settled (event loop only). */
    private final List<DeviceConnection> toFlush = new ArrayList<>();

    private DurableAcks(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public synchronized void durable(Ack ack, long sequence) {
        gathered.add(ack);
    }

    @Override
    public synchronized void failed(Ack ack, Throwable cause) {
        gathered.add(new Failed(ack, cause));
    }

    @Override
    public void batchEnd() {
        List<Settled> batch;
        synchronized (this) {
            if (gathered.isEmpty()) {
                return;
            }
            batch = gathered;
            gathered = new ArrayList<>();
        }
        loop.execute(() -> settle(batch));
    }

    /**
     * Event loop: settles a batch's outcomes in order, then flushes each connection once, their
     * PUBACKs encoded into one buffer (a slice of it per connection) instead of one buffer each.
     */
    private void settle(List<Settled> batch) {
        long now = System.nanoTime();
        for (Settled settled : batch) {
            switch (settled) {
                case Ack ack -> {
                    if (ack.ingest().durable(ack, now)) {
                        toFlush.add(ack.ingest().connection());
                    }
                }
                case Failed failed -> failed.ack().ingest().failed(failed.cause());
            }
        }
        if (toFlush.isEmpty()) {
            return;
        }
        int bytes = 0;
        for (DeviceConnection connection : toFlush) {
            bytes += connection.pendingAckBytes();
        }
        ByteBuf acks = toFlush.getFirst().channel().alloc().buffer(bytes);
        try {
            for (DeviceConnection connection : toFlush) {
                connection.flushAcks(acks);
            }
        } finally {
            acks.release();
            toFlush.clear();
        }
    }
}
