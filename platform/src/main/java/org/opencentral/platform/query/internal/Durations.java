package org.opencentral.platform.query.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO-8601 durations in weeks, days, hours, minutes and seconds ({@code P1W}, {@code P2DT12H},
 * {@code PT10M}, {@code PT1.5S}); years and months have no fixed length, so they are refused.
 */
final class Durations {
    private static final Pattern DURATION = Pattern.compile(
            "P(?:(\\d{1,9})W)?(?:(\\d{1,9})D)?(?:T(?:(\\d{1,9})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9}(?:\\.\\d{1,9})?)S)?)?");
    private static final Pattern CALENDAR = Pattern.compile("P(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?(?:T.*)?");

    private Durations() {
    }

    /** The duration, or empty with {@code problem} explaining why not. */
    static Optional<Duration> parse(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        Matcher m = DURATION.matcher(upper);
        if (!m.matches() || upper.equals("P") || upper.endsWith("T")) {
            return Optional.empty();
        }
        Duration d = Duration.ofDays(7 * number(m.group(1)) + number(m.group(2)))
                .plusHours(number(m.group(3)))
                .plusMinutes(number(m.group(4)));
        if (m.group(5) != null) {
            BigDecimal seconds = new BigDecimal(m.group(5));
            d = d.plusSeconds(seconds.longValue())
                    .plusNanos(seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Optional.of(d);
    }

    /** A hint for text that is not a duration we accept. */
    static String problem(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (CALENDAR.matcher(upper).matches() && (upper.contains("Y") || upper.matches("P[^T]*M.*"))) {
            return "durations in years or months are not supported; use weeks (P1W) or days (P30D)";
        }
        return "expected an ISO-8601 duration such as PT10M, P1D or P2DT12H";
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
