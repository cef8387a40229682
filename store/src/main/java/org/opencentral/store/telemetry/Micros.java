package org.opencentral.store.telemetry;

import java.time.Instant;

/** Times as microseconds since the epoch, the unit of every time column of the telemetry tables. */
final class Micros {
    static final long SECOND = 1_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private Micros() {
    }

    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), SECOND), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, SECOND), Math.floorMod(micros, SECOND) * 1_000);
    }

    static long floor(long micros, long unit) {
        return micros - Math.floorMod(micros, unit);
    }

    static long ceil(long micros, long unit) {
        long floor = floor(micros, unit);
        return floor == micros ? micros : floor + unit;
    }
}
