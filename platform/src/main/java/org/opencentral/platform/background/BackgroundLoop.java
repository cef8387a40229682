package org.opencentral.platform.background;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.opencentral.core.logging.RepeatedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Runs {@link Step#run()} on one platform thread until closed. After each step the step's answer says
 * what comes next: run again at once, wait for {@link #wake()} (or {@value #IDLE_SECONDS} s at most),
 * or pause for a while first. A step that throws is logged and retried after {@value #IDLE_SECONDS} s
 * (wake-ups do not shorten that pause, so a failing store is not hammered); a failure that repeats
 * (a full disk) is logged with its stack trace once, then once a minute with a count, and the count is
 * logged when a step succeeds again ({@link RepeatedFailures}). Owners keep a {@code runOnce()} of
 * their own for tests and for draining on close.
 *
 * <p>A platform thread, not a virtual one: a step that has work runs again at once and spends most
 * of its time in native code (DuckDB, SQLite), and a virtual thread there neither yields nor lets
 * its carrier go. Two consumers catching up after heavy ingest held both carriers of a 2-core node
 * for seconds, and every virtual thread (REST handlers, device requests) waited behind them. The
 * operating system time-slices platform threads.
 *
 * <p>Background work is still background: all loops share {@link #CORES}, one core fewer than the
 * machine has (at least one), and a step runs only while it holds one of them. Consumers catching
 * up can never take every core from device acknowledgements, REST calls and commands; with
 * uncapped platform threads they took enough to triple the command round trip's p99 after an
 * ingest of 10,000 devices (BENCHMARKS.md).
 *
 * <p>And they run at {@link #PRIORITY}: within the core they hold, the operating system still shares
 * time equally between them and the threads that acknowledge devices (event loops, the event log's
 * writer), so a consumer catching up used to delay PUBACKs by whole time slices.
 */
public final class BackgroundLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);
    static final int IDLE_SECONDS = 1;
    /** The cores background steps may use at once, shared by every loop of the process. */
    static final Semaphore CORES = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), true);
    /**
     * The Java priority of background threads (budgeted loops, and the platform's other threads that may
     * lag: retention, chores, the live feed, export transforms). Threads started from them inherit it (see
     * {@link #startingThreads}). On Linux the JVM maps it to an OS
     * priority only with {@code -XX:ThreadPriorityPolicy=1}; the launcher passes that and
     * {@code -XX:JavaPriority1_To_OSPriority=10}, so these threads run at nice 10 (about a tenth of a
     * nice-0 thread's share of a busy core) and the acknowledgement path at nice 0. Without those flags it
     * has no effect. Lowering a priority needs no privilege.
     */
    public static final int PRIORITY = Thread.MIN_PRIORITY;
    /**
     * The lane of {@link #prompt} loops: one core at most, apart from {@link #CORES}, so that a prompt
     * step never queues behind a background loop's batch (a telemetry index batch of 20,000 events
     * held the one background core for seconds while the rule engine waited, BENCHMARKS.md).
     */
    static final Semaphore PROMPT_CORE = new Semaphore(1, true);

    /** What the loop does after a step. */
    public sealed interface Next {
        /** More work is waiting: run the step again at once. */
        Next AGAIN = new Again();
        /** Nothing to do: wait for a wake-up. */
        Next IDLE = new Idle();

        /** Some work was done but less than a full batch: pause, then run (wake-ups meanwhile are absorbed). */
        static Next pause(Duration linger) {
            return new Pause(linger);
        }
    }

    private record Again() implements Next {
    }

    private record Idle() implements Next {
    }

    private record Pause(Duration linger) implements Next {
        Pause {
            Objects.requireNonNull(linger, "linger");
        }
    }

    /** One step of background work. */
    @FunctionalInterface
    public interface Step {
        Next run() throws InterruptedException;
    }

    private final String name;
    private final Step step;
    private final Semaphore budget;
    private final int priority;
    private final Semaphore wakeups = new Semaphore(0);
    private final RepeatedFailures failures = RepeatedFailures.of(LOG);
    private volatile boolean running;
    private Thread thread;

    public BackgroundLoop(String name, Step step) {
        this(name, step, CORES, PRIORITY);
    }

    /** {@code budget}: the cores a step holds one of while it runs, or null for none. */
    private BackgroundLoop(String name, Step step, Semaphore budget, int priority) {
        this.name = Objects.requireNonNull(name, "name");
        this.step = Objects.requireNonNull(step, "step");
        this.budget = budget;
        this.priority = priority;
    }

    /**
     * A loop whose steps run without one of {@link #CORES}: for a step that only coordinates (a few
     * indexed reads and writes, handing the work itself to virtual threads) and must not queue behind
     * loops catching up on heavy work. The job engine's loop is one: waiting its turn behind the
     * telemetry consumers after an ingest, a 10,000-device command job ran one step of 100 devices
     * every ~10 s (BENCHMARKS.md).
     */
    public static BackgroundLoop coordinating(String name, Step step) {
        return new BackgroundLoop(name, step, null, Thread.NORM_PRIORITY);
    }

    /**
     * A loop with a latency target, in a lane of its own ({@link #PROMPT_CORE}) at normal priority:
     * the rule engine, whose lag is bounded by its own work (about 26 µs an event with 100 rules per
     * event, BENCHMARKS.md) rather than by the background consumers' batches. It competes with the
     * acknowledgement path as an equal, so only consumers whose cost per event is small belong here.
     */
    public static BackgroundLoop prompt(String name, Step step) {
        return new BackgroundLoop(name, step, PROMPT_CORE, Thread.NORM_PRIORITY);
    }

    /**
     * A budgeted loop at normal priority, for a step that starts threads (e.g. virtual threads): a new
     * thread inherits its starter's priority, and so do the carrier threads the virtual-thread scheduler
     * creates on demand, which then would run REST calls and device requests at {@link #PRIORITY}.
     */
    public static BackgroundLoop startingThreads(String name, Step step) {
        return new BackgroundLoop(name, step, CORES, Thread.NORM_PRIORITY);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException(name + " is already started");
        }
        running = true;
        thread = Thread.ofPlatform().name(name).daemon(true).priority(priority).start(this::loop);
    }

    /** Asks for a step now; never blocks. */
    public void wake() {
        wakeups.release();
    }

    private void loop() {
        while (running) {
            try {
                Next next = budget != null ? budgetedStep() : step.run();
                failures.recovered();
                switch (next) {
                    case Again again -> {
                    }
                    case Idle idle -> waitForWakeUp();
                    case Pause(Duration linger) -> {
                        if (running) {
                            Thread.sleep(linger);
                            wakeups.drainPermits();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.log(Level.ERROR, e, "{} failed; retrying in {} s", name, IDLE_SECONDS);
                try {
                    Thread.sleep(Duration.ofSeconds(IDLE_SECONDS));
                    wakeups.drainPermits();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Next budgetedStep() throws InterruptedException {
        budget.acquire();
        try {
            return step.run();
        } finally {
            budget.release();
        }
    }

    private void waitForWakeUp() throws InterruptedException {
        wakeups.tryAcquire(IDLE_SECONDS, TimeUnit.SECONDS);
        wakeups.drainPermits();
    }

    /** Stops the loop and waits (10 s at most) for the step in progress to finish. */
    @Override
    public void close() {
        running = false;
        Thread started;
        synchronized (this) {
            started = thread;
        }
        if (started != null) {
            wakeups.release();
            try {
                started.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Closes the loop, then runs {@code step} on the calling thread until it handles nothing more (what
     * was queued when the owner stopped); a failure is logged as {@code failure} and ends the drain.
     */
    public void closeAndDrain(IntSupplier step, String failure) {
        close();
        try {
            int handled;
            do {
                handled = step.getAsInt();
            } while (handled > 0);
        } catch (RuntimeException e) {
            LOG.error("{}: {}", name, failure, e);
        }
    }
}
