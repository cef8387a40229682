package org.opencentral.platform.assembly;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencentral.core.logging.RepeatedFailures;
import org.opencentral.platform.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The node's periodic chores: flushing device activity, purging expired C2D messages and browser
 * sessions, finishing DPS operations, the rules' timer step, discarding the staged blocks of file
 * uploads that can no longer be committed. A chore that keeps failing (a full disk) is logged with its
 * stack trace once, then counted until it succeeds again ({@link RepeatedFailures}). A chore still
 * running when its next period comes is not started again (runs of one chore never overlap).
 */
final class Chores {
    private static final Logger LOG = LoggerFactory.getLogger(Chores.class);

    private Chores() {
    }

    static void schedule(ScheduledExecutorService timer, Platform platform) {
        int background = BackgroundLoop.PRIORITY;
        every(timer, 1, TimeUnit.SECONDS, "activity", background, platform.activity()::runOnce);
        every(timer, 1, TimeUnit.MINUTES, "c2d-expiry", background, platform.cloudToDevice()::purgeExpired);
        every(timer, 5, TimeUnit.MINUTES, "session-expiry", background, platform.security().sessions()::purgeExpired);
        every(timer, 1, TimeUnit.MINUTES, "dps-operations", background, platform.provisioning().dps()::runOnce);
        // Lets time pass for the rules: windows close, absences fire, quiet instances resolve. At normal
        // priority, as the engine's prompt lane: the step holds the engine, and at nice 10 beside a busy
        // node it held it for seconds while the lane's next batch waited (BENCHMARKS.md, issue 14).
        every(timer, 1, TimeUnit.SECONDS, "rules", Thread.NORM_PRIORITY, platform.ruleEngine()::runOnce);
        every(timer, 10, TimeUnit.MINUTES, "abandoned-blocks", background, platform.files().embedded()::purgeAbandonedBlocks);
    }

    private static void every(ScheduledExecutorService timer, long period, TimeUnit unit, String name, int priority,
            Runnable task) {
        // The store work runs on a thread of its own so that one slow chore never delays the others; a
        // platform thread, because it is native (SQLite) work that would pin a virtual thread's carrier.
        // A run still going at the next period skips it: starting one thread per period regardless piled
        // up dozens of "rules" runs queued on the engine under load, minutes behind.
        RepeatedFailures failures = RepeatedFailures.of(LOG);
        AtomicBoolean running = new AtomicBoolean();
        timer.scheduleWithFixedDelay(() -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            Thread.ofPlatform().name("chore-" + name).daemon(true).priority(priority).start(() -> {
                try {
                    task.run();
                    failures.recovered();
                } catch (RuntimeException e) {
                    failures.log(Level.WARN, e, "periodic task {} failed; it runs again at the next period", name);
                } finally {
                    running.set(false);
                }
            });
        }, period, period, unit);
    }
}
