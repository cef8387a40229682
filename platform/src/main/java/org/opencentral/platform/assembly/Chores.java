package org.opencentral.platform.assembly;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opencentral.core.logging.RepeatedFailures;
import org.opencentral.platform.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The node's periodic chores: flushing device activity, purging expired C2D messages and browser
 * sessions, finishing DPS operations, the rules' timer step, discarding the staged blocks of file
 * uploads that can no longer be committed. A chore that keeps failing (a full disk) is logged with its
 * stack trace once, then counted until it succeeds again ({@link RepeatedFailures}).
 */
final class Chores {
    private static final Logger LOG = LoggerFactory.getLogger(Chores.class);

    private Chores() {
    }

    static void schedule(ScheduledExecutorService timer, Platform platform) {
        every(timer, 1, TimeUnit.SECONDS, "activity", platform.activity()::runOnce);
        every(timer, 1, TimeUnit.MINUTES, "c2d-expiry", platform.cloudToDevice()::purgeExpired);
        every(timer, 5, TimeUnit.MINUTES, "session-expiry", platform.security().sessions()::purgeExpired);
        every(timer, 1, TimeUnit.MINUTES, "dps-operations", platform.provisioning().dps()::runOnce);
        // Lets time pass for the rules: windows close, absences fire, quiet instances resolve.
        every(timer, 1, TimeUnit.SECONDS, "rules", platform.ruleEngine()::runOnce);
        every(timer, 10, TimeUnit.MINUTES, "abandoned-blocks", platform.files().embedded()::purgeAbandonedBlocks);
    }

    private static void every(ScheduledExecutorService timer, long period, TimeUnit unit, String name, Runnable task) {
        // The store work runs on a thread of its own so that one slow chore never delays the others; a
        // platform thread, because it is native (SQLite) work that would pin a virtual thread's carrier.
        RepeatedFailures failures = RepeatedFailures.of(LOG);
        timer.scheduleWithFixedDelay(() -> Thread.ofPlatform().name("chore-" + name).daemon(true)
                .priority(BackgroundLoop.PRIORITY).start(() -> {
            try {
                task.run();
                failures.recovered();
            } catch (RuntimeException e) {
                failures.log(Level.WARN, e, "periodic task {} failed; it runs again at the next period", name);
            }
        }), period, period, unit);
    }
}
