package org.opencentral.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that stands still until a test moves it, so that expiry, retry and scheduling are
 * driven without sleeping (shared by the modules' tests through core's test jar).
 */
public final class ManualClock extends UtcTestClock {
    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock starting at the current time. */
    public static ManualClock startingNow() {
        return new ManualClock(Instant.now());
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
