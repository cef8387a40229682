package org.opencentral.platform.query.internal;

import org.opencentral.platform.query.ast.IsoDuration;
import org.opencentral.platform.query.ast.SourcePosition;
import org.opencentral.platform.query.ast.TimeWindow;

/** Durations are positive; intervals end after they start. */
final class TimeWindows {
    private TimeWindows() {
    }

    static void check(TimeWindow window, SourcePosition at) {
        switch (window) {
            case TimeWindow.Recent recent -> checkPositive(recent.duration(), at);
            case TimeWindow.Between between -> {
                if (!between.end().isAfter(between.start())) {
                    throw QueryErrors.at(at, "the interval ends at " + between.end() + ", not after its start "
                            + between.start());
                }
            }
        }
    }

    static void checkPositive(IsoDuration duration, SourcePosition at) {
        if (duration.value().isZero() || duration.value().isNegative()) {
            throw QueryErrors.at(at, "the duration " + duration.text() + " must be longer than zero");
        }
    }
}
