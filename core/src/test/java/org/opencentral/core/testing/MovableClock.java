package org.opencentral.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that runs with the system clock and that a test can move by an offset, so that a whole
 * platform keeps its ordinary time while a test jumps past an expiry (unlike {@link ManualClock},
 * which stands still).
 */
public final class MovableClock extends UtcTestClock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
