package org.opencentral.api.live;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the event log from its current end on one virtual thread (woken by every durable append)
 * and hands device events to the subscriptions that watch those devices. A subscriber that falls
 * behind by more than {@value #QUEUE} events loses the overflow and is told so ({@link Overflow}):
 * a slow browser never slows the log.
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final int BATCH = 1_000;
    static final int QUEUE = 2_000;

    private final EventLog log;
    private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running = true;
    private volatile long position;
    private final Thread thread;

    /** What a subscriber receives: a logged event, or the news that some were dropped. */
    sealed interface Item permits Delivered, Overflow, Closed {
    }

    record Delivered(LoggedEvent event) implements Item {
    }

    record Overflow() implements Item {
    }

    record Closed() implements Item {
    }

    /** One browser's stream: the devices it watches and its bounded queue. */
    public static final class Subscription implements AutoCloseable {
        private final Set<DeviceId> devices;
        private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
        private final LiveFeed feed;
        private volatile boolean overflowed;

        private Subscription(LiveFeed feed, Set<DeviceId> devices) {
            this.feed = feed;
            this.devices = Set.copyOf(devices);
        }

        void offer(LoggedEvent event) {
            if (!queue.offer(new Delivered(event)) && !overflowed) {
                overflowed = true;
                queue.clear();
                queue.offer(new Overflow());
            }
        }

        /** The next item, or null after {@code timeoutMillis} without one. */
        Item poll(long timeoutMillis) throws InterruptedException {
            Item item = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (item instanceof Overflow) {
                overflowed = false;
            }
            return item;
        }

        boolean watches(DeviceId id) {
            return devices.contains(id);
        }

        @Override
        public void close() {
            feed.subscriptions.remove(this);
        }
    }

    private LiveFeed(EventLog log) {
        this.log = log;
        this.position = log.lastSequence();
        log.onAppended(wakeups::release);
        // a platform thread: it tails the log without pause under load (see BackgroundLoop)
        this.thread = Thread.ofPlatform().name("live-feed").daemon(true).start(this::loop);
    }

    /** Starts tailing {@code log} from its current end. */
    public static LiveFeed start(EventLog log) {
        return new LiveFeed(log);
    }

    /** Subscribes to the events of {@code devices}; close the subscription when the stream ends. */
    public Subscription subscribe(Set<DeviceId> devices) {
        Subscription s = new Subscription(this, devices);
        subscriptions.add(s);
        return s;
    }

    /** Reads and dispatches one batch; returns how many events it read. */
    int runOnce() {
        List<LoggedEvent> batch = log.read(position, BATCH);
        for (LoggedEvent logged : batch) {
            if (logged.event() instanceof PlatformEvent.DeviceEvent device) {
                for (Subscription s : subscriptions) {
                    if (s.watches(device.deviceId())) {
                        s.offer(logged);
                    }
                }
            }
        }
        if (!batch.isEmpty()) {
            position = batch.getLast().sequence();
        }
        return batch.size();
    }

    private void loop() {
        while (running) {
            try {
                if (subscriptions.isEmpty()) {
                    position = log.lastSequence();
                    wakeups.tryAcquire(1, TimeUnit.SECONDS);
                    wakeups.drainPermits();
                } else if (runOnce() == 0) {
                    wakeups.tryAcquire(1, TimeUnit.SECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("live feed could not read the event log; retrying", e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Ends every open stream and stops tailing. */
    @Override
    public void close() {
        running = false;
        for (Subscription s : subscriptions) {
            s.queue.clear();
            s.queue.offer(new Closed());
        }
        wakeups.release();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
