package org.opencentral.core.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a scheduled job runs: once at {@code start}, or from {@code start} every day, week or month
 * (UTC) until an end date or a number of occurrences. Occurrence {@code n} (0-based) is at
 * {@code start} plus {@code n} periods; a monthly schedule keeps the day of month where it can.
 */
public record JobSchedule(Optional<Recurrence> recurrence, Instant start, Optional<End> end) {
    public enum Recurrence {
        DAILY, WEEKLY, MONTHLY;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a recurring schedule ends. */
    public sealed interface End {
        /** No occurrence after this date (UTC). */
        record OnDate(LocalDate date) implements End {
            public OnDate {
                Objects.requireNonNull(date, "date");
            }
        }

        /** At most this many occurrences (1 to 999). */
        record After(int occurrences) implements End {
            public After {
                if (occurrences < 1 || occurrences > 999) {
                    throw new IllegalArgumentException("occurrences must be 1 to 999");
                }
            }
        }
    }

    public JobSchedule {
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** The time of occurrence {@code n}, if the schedule has one. */
    public Optional<Instant> occurrence(int n) {
        if (n < 0 || (recurrence.isEmpty() && n > 0)) {
            return Optional.empty();
        }
        ZonedDateTime first = start.atZone(ZoneOffset.UTC);
        Instant at = recurrence.map(r -> switch (r) {
            case DAILY -> first.plusDays(n);
            case WEEKLY -> first.plusWeeks(n);
            case MONTHLY -> first.plusMonths(n);
        }).orElse(first).toInstant();
        boolean ended = end.map(e -> switch (e) {
            case End.OnDate d -> at.atZone(ZoneOffset.UTC).toLocalDate().isAfter(d.date());
            case End.After a -> n >= a.occurrences();
        }).orElse(false);
        return ended ? Optional.empty() : Optional.of(at);
    }

    /** The index of the last occurrence at or before {@code now} from {@code from} on, if any is due. */
    public Optional<Integer> lastDue(int from, Instant now) {
        Optional<Integer> due = Optional.empty();
        for (int n = from; ; n++) {
            Optional<Instant> at = occurrence(n);
            if (at.isEmpty() || at.get().isAfter(now)) {
                return due;
            }
            due = Optional.of(n);
        }
    }
}
