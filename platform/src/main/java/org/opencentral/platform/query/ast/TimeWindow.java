package org.opencentral.platform.query.ast;

import java.time.Instant;
import java.util.Objects;

/** The argument of {@code WITHIN_WINDOW}: the last so long, or a fixed interval. */
public sealed interface TimeWindow permits TimeWindow.Recent, TimeWindow.Between {

    /** {@code WITHIN_WINDOW(P1D)}: from now minus the duration until now. */
    record Recent(IsoDuration duration) implements TimeWindow {
        public Recent {
            Objects.requireNonNull(duration);
        }
    }

    /** {@code WITHIN_WINDOW('2021-06-13T13:00:00Z/2021-06-13T15:30:00Z')}: start inclusive, end exclusive. */
    record Between(Instant start, Instant end) implements TimeWindow {
        public Between {
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
        }
    }
}
