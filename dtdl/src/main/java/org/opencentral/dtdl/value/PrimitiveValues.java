package org.opencentral.dtdl.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opencentral.dtdl.model.PrimitiveKind;

/** Primitive values: JSON types, integer ranges, RFC 3339 dates and times, ISO 8601 durations. */
final class PrimitiveValues {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)(?:[Zz]|[+-]\\d{2}:\\d{2})?");
    private static final Pattern DURATION = Pattern.compile(
            "P(?=\\d|T\\d)(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?");

    private PrimitiveValues() {
    }

    /** Returns true when the value fits; reports the mismatch otherwise. */
    static boolean check(PrimitiveKind kind, JsonNode value, String at, ValueErrors errors) {
        String problem = switch (kind) {
            case BOOLEAN -> value.isBoolean() ? "" : "expected true or false";
            case INTEGER -> integral(value, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
            case LONG -> integral(value, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            case DOUBLE -> floating(value, Double.MAX_VALUE);
            case FLOAT -> floating(value, Float.MAX_VALUE);
            case STRING -> value.isTextual() ? "" : "expected a string";
            case DATE -> temporal(value, kind, PrimitiveValues::isDate);
            case DATE_TIME -> temporal(value, kind, PrimitiveValues::isDateTime);
            case TIME -> temporal(value, kind, PrimitiveValues::isTime);
            case DURATION -> temporal(value, kind, s -> DURATION.matcher(s).matches());
        };
        if (problem.isEmpty()) {
            return true;
        }
        ValueErrorCode code = problem.startsWith("expected") ? ValueErrorCode.TYPE_MISMATCH
                : problem.startsWith("out of range") ? ValueErrorCode.OUT_OF_RANGE : ValueErrorCode.INVALID_FORMAT;
        errors.add(at, code, problem);
        return false;
    }

    private static String integral(JsonNode value, BigInteger min, BigInteger max) {
        if (!value.isNumber()) {
            return "expected an integer";
        }
        if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            // a literal beyond double's range (6666E66666) reads as infinite, which has no decimal value
            return "out of range: " + value + " is not between " + min + " and " + max;
        }
        BigDecimal decimal = value.decimalValue();
        if (decimal.stripTrailingZeros().scale() > 0) {
            return "expected an integer, not " + value;
        }
        BigInteger integer = decimal.toBigIntegerExact();
        if (integer.compareTo(min) < 0 || integer.compareTo(max) > 0) {
            return "out of range: " + value + " is not between " + min + " and " + max;
        }
        return "";
    }

    private static String floating(JsonNode value, double max) {
        if (!value.isNumber()) {
            return "expected a number";
        }
        double d = value.doubleValue();
        return Double.isFinite(d) && Math.abs(d) <= max ? "" : "out of range: " + value;
    }

    private static String temporal(JsonNode value, PrimitiveKind kind, java.util.function.Predicate<String> format) {
        if (!value.isTextual()) {
            return "expected a string in " + kind.term() + " format";
        }
        return format.test(value.textValue()) ? "" : "'" + value.textValue() + "' is not a valid " + kind.term()
                + switch (kind) {
                    case DATE -> " (RFC 3339 full-date, e.g. 2024-05-31)";
                    case DATE_TIME -> " (RFC 3339 date-time, e.g. 2024-05-31T13:45:00Z)";
                    case TIME -> " (RFC 3339 time, e.g. 13:45:00 or 13:45:00.5+02:00)";
                    default -> " (ISO 8601 duration, e.g. PT1H30M or P1D)";
                };
    }

    private static boolean isDate(String s) {
        return DATE.matcher(s).matches() && parses(() -> LocalDate.parse(s));
    }

    private static boolean isDateTime(String s) {
        return DATE_TIME.matcher(s).matches() && parses(() -> OffsetDateTime.parse(s.toUpperCase(Locale.ROOT)));
    }

    private static boolean isTime(String s) {
        var m = TIME.matcher(s);
        return m.matches() && parses(() -> LocalTime.parse(m.group(1)));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
