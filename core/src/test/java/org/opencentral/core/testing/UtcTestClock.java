package org.opencentral.core.testing;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The zone part of the test clocks: always UTC, whatever zone is asked for. */
abstract class UtcTestClock extends Clock {
    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        return this;
    }
}
