package org.opencentral.core.device;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.opencentral.core.DomainException;

/**
 * The time between two telemetry messages of one simulated device, in whole milliseconds from
 * {@link #MIN} (the simulator's scheduling tick: it cannot send one device more often) to {@link #MAX}.
 * On the wire it is an ISO 8601 duration ({@code PT2S}, {@code PT0.5S}, {@code PT1H}).
 */
public record SimulationInterval(Duration duration) {
    public static final Duration MIN = Duration.ofMillis(250);
    public static final Duration MAX = Duration.ofDays(1);

    public SimulationInterval {
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
            throw DomainException.badRequest("the simulation interval must be between " + MIN.toMillis()
                    + " ms (PT0.25S) and 1 day (P1D), got " + duration);
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw DomainException.badRequest("the simulation interval must be a whole number of milliseconds, got "
                    + duration);
        }
    }

    public static SimulationInterval ofMillis(long millis) {
        return new SimulationInterval(Duration.ofMillis(millis));
    }

    /** Parses an ISO 8601 duration ({@code PT2S}, {@code P1D}); BAD_REQUEST when it is not one or out of bounds. */
    public static SimulationInterval parse(String text) {
        try {
            return new SimulationInterval(Duration.parse(text));
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("the simulation interval must be an ISO 8601 duration such as PT2S, got '"
                    + text + "'");
        }
    }

    public long toMillis() {
        return duration.toMillis();
    }

    /** The ISO 8601 form ({@code PT2S}; one day is {@code PT24H}). */
    @Override
    public String toString() {
        return duration.toString();
    }
}
