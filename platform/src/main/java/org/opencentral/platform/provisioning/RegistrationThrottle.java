package org.opencentral.platform.provisioning;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds register calls per registration id ({@value #PER_MINUTE} a minute, as DPS throttles a
 * device that registers in a loop); over it the caller gets 429 with {@code retry-after}.
 */
final class RegistrationThrottle {
    static final int PER_MINUTE = 20;
    private static final long WINDOW_MILLIS = 60_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    RegistrationThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Empty if the call may proceed; otherwise the seconds to wait. */
    OptionalInt acquire(String registrationId) {
        long now = clock.millis();
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.start() + WINDOW_MILLIS <= now);
        }
        Window window = windows.compute(registrationId, (id, current) ->
                current == null || current.start() + WINDOW_MILLIS <= now ? new Window(now, 1)
                        : new Window(current.start(), current.count() + 1));
        if (window.count() <= PER_MINUTE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000));
    }

    private record Window(long start, int count) {
    }
}
