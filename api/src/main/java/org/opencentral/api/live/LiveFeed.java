package org.opencentral.api.live;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.platform.background.BackgroundLoop;
import org.opencentral.platform.job.JobChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the event log from its current end on one virtual thread (woken by every durable append)
 * and hands device events to the subscriptions that watch those devices; hands the ids of jobs that
 * changed ({@link JobChanges}) to the subscriptions that watch those jobs. A subscriber that falls
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
    private final JobChanges jobs;
    private final Consumer<String> jobListener = this::jobChanged;

    /** What a subscriber receives: a logged event, or the news that some were dropped. */
    sealed interface Item permits Delivered, JobChanged, Overflow, Closed {
    }

    /** A job changed: read it again. */
    record JobChanged(String jobId) implements Item {
    }

    record Delivered(LoggedEvent event) implements Item {
    }

    record Overflow() implements Item {
    }

    record Closed() implements Item {
    }

    /** One browser's stream: the devices or jobs it watches and its bounded queue. */
    public static final class Subscription implements AutoCloseable {
        private final Set<DeviceId> devices;
        private final Predicate<String> jobs;
        private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
        private final LiveFeed feed;
        private volatile boolean overflowed;

        private Subscription(LiveFeed feed, Set<DeviceId> devices, Predicate<String> jobs) {
            this.feed = feed;
            this.devices = Set.copyOf(devices);
            this.jobs = jobs;
        }

        void offer(Item item) {
            if (!queue.offer(item) && !overflowed) {
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

        /** The ids of the job changes queued now, in order, each once (a burst of outcomes is read once). */
        Set<String> drainJobChanges() {
            Set<String> ids = new LinkedHashSet<>();
            while (queue.peek() instanceof JobChanged changed && queue.remove(changed)) {
                ids.add(changed.jobId());
            }
            return ids;
        }

        boolean watches(DeviceId id) {
            return devices.contains(id);
        }

        @Override
        public void close() {
            feed.subscriptions.remove(this);
        }
    }

    private LiveFeed(EventLog log, JobChanges jobs) {
        this.log = log;
        this.jobs = jobs;
        this.position = log.lastSequence();
        log.onAppended(wakeups::release);
        jobs.listen(jobListener);
        // a platform thread: it tails the log without pause under load (see BackgroundLoop)
        this.thread = Thread.ofPlatform().name("live-feed").daemon(true).priority(BackgroundLoop.PRIORITY)
                .start(this::loop);
    }

    /** Starts tailing {@code log} from its current end and listening to {@code jobs}. */
    public static LiveFeed start(EventLog log, JobChanges jobs) {
        return new LiveFeed(log, jobs);
    }

    /** Subscribes to the events of {@code devices}; close the subscription when the stream ends. */
    public Subscription subscribe(Set<DeviceId> devices) {
        return add(new Subscription(this, devices, id -> false));
    }

    /** Subscribes to the changes of the jobs {@code jobs} accepts; close the subscription when the stream ends. */
    public Subscription subscribeJobs(Predicate<String> jobs) {
        return add(new Subscription(this, Set.of(), jobs));
    }

    private Subscription add(Subscription s) {
        subscriptions.add(s);
        return s;
    }

    private void jobChanged(String jobId) {
        for (Subscription s : subscriptions) {
            if (s.jobs.test(jobId)) {
                s.offer(new JobChanged(jobId));
            }
        }
    }

    /** Reads and dispatches one batch; returns how many events it read. */
    int runOnce() {
        List<LoggedEvent> batch = log.read(position, BATCH);
        for (LoggedEvent logged : batch) {
            if (logged.event() instanceof PlatformEvent.DeviceEvent device) {
                for (Subscription s : subscriptions) {
                    if (s.watches(device.deviceId())) {
                        s.offer(new Delivered(logged));
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
        jobs.forget(jobListener);
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
