package org.opencentral.core.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An engine-neutral plan of one query-language telemetry query, for {@link TelemetryQueries}: the
 * devices, the series it reads (numbered by their position in {@code series}), the time range, the
 * aggregation (none: one row per device and message time), a condition, an ordering and a row
 * limit. It names no table or column; the store turns it into SQL.
 *
 * <p>Result rows: without aggregation {@code device, time (epoch µs), then per series its number,
 * flag and text}; with aggregation {@code device (null unless by device), window start (epoch µs,
 * null without a window), then one value per aggregate}. Rows come in the plan's order, then by
 * time and device (nulls last).
 */
public record TelemetryQuery(
        List<String> devices,
        List<Series> series,
        Optional<TimeRange> range,
        Optional<Aggregation> aggregation,
        Optional<Condition> condition,
        List<Order> orderBy,
        int limit) {

    public TelemetryQuery {
        devices = List.copyOf(devices);
        series = List.copyOf(series);
        Objects.requireNonNull(range);
        Objects.requireNonNull(aggregation);
        Objects.requireNonNull(condition);
        orderBy = List.copyOf(orderBy);
        if (devices.isEmpty() || limit < 1) {
            throw new IllegalArgumentException("a telemetry query reads some devices and has a positive limit");
        }
        if (aggregation.isPresent() && range.isEmpty()) {
            throw new IllegalArgumentException("aggregates cover a time range");
        }
        int count = series.size();
        condition.ifPresent(c -> c.check(count));
        int aggregates = aggregation.map(a -> a.aggregates().size()).orElse(0);
        for (Order order : orderBy) {
            order.key().check(count, aggregation.isPresent(), aggregates);
        }
        aggregation.ifPresent(a -> a.aggregates().forEach(g -> g.series().ifPresent(s -> checkSeries(s, count))));
    }

    static void checkSeries(int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("no series " + index + " among " + count);
        }
    }

    /** A series of every device: a capability (or a member's dotted path) of a component ({@code ""}: none). */
    public record Series(String component, String capability) {
        public Series {
            Objects.requireNonNull(component);
            Objects.requireNonNull(capability);
        }
    }

    /**
     * Aggregates over the numeric values, per device when {@code byDevice}, per epoch-aligned window
     * when {@code window} is present. {@code rollups}: whether the store may answer from its rollups
     * (it does when the condition is on devices only and no aggregate is {@code COUNT(*)}).
     */
    public record Aggregation(List<Aggregate> aggregates, boolean byDevice, Optional<Duration> window,
            boolean rollups) {
        public Aggregation {
            aggregates = List.copyOf(aggregates);
            Objects.requireNonNull(window);
            if (aggregates.isEmpty()) {
                throw new IllegalArgumentException("an aggregation has aggregates");
            }
            window.ifPresent(w -> {
                if (w.isNegative() || w.isZero() || w.toNanos() % 1_000 != 0) {
                    throw new IllegalArgumentException("a window is a positive whole number of microseconds");
                }
            });
        }
    }

    /** An aggregate of a series' numbers; no series: {@code COUNT(*)}, the number of message rows. */
    public record Aggregate(Function function, OptionalInt series) {
        public Aggregate {
            Objects.requireNonNull(function);
            Objects.requireNonNull(series);
            if (series.isEmpty() && function != Function.COUNT) {
                throw new IllegalArgumentException(function + " needs a series");
            }
        }
    }

    public enum Function { AVG, SUM, COUNT, MIN, MAX, FIRST, LAST }

    public enum Operator { EQ, NE, GT, LT, GE, LE }

    public enum Direction { ASC, DESC }

    /** A condition on the rows: their values, device and time. */
    public sealed interface Condition {
        /** Throws when the condition names a series the plan does not read. */
        default void check(int series) {
            switch (this) {
                case All all -> all.operands().forEach(c -> c.check(series));
                case Any any -> any.operands().forEach(c -> c.check(series));
                case Not not -> not.operand().check(series);
                case ValueCompare compare -> checkSeries(compare.series(), series);
                case ValueIn in -> checkSeries(in.series(), series);
                case ValueIsNull isNull -> checkSeries(isNull.series(), series);
                case DeviceCompare d -> { }
                case DeviceIn d -> { }
                case TimeCompare t -> { }
            }
        }

        record All(List<Condition> operands) implements Condition {
            public All {
                operands = List.copyOf(operands);
            }
        }

        record Any(List<Condition> operands) implements Condition {
            public Any {
                operands = List.copyOf(operands);
            }
        }

        record Not(Condition operand) implements Condition {
            public Not {
                Objects.requireNonNull(operand);
            }
        }

        /** The series' value compared with a {@link Double}, {@link String} or {@link Boolean}: only values of that type match. */
        record ValueCompare(int series, Operator operator, Object value) implements Condition {
            public ValueCompare {
                Objects.requireNonNull(operator);
                requireValue(value);
            }
        }

        /** The series' value is one of {@code values} (each a {@link Double}, {@link String} or {@link Boolean}). */
        record ValueIn(int series, List<Object> values) implements Condition {
            public ValueIn {
                values = List.copyOf(values);
                values.forEach(Condition::requireValue);
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("IN needs values");
                }
            }
        }

        /** The row has no value of the series. */
        record ValueIsNull(int series) implements Condition {
        }

        record DeviceCompare(Operator operator, String device) implements Condition {
            public DeviceCompare {
                Objects.requireNonNull(operator);
                Objects.requireNonNull(device);
            }
        }

        /** The row's device is one of {@code devices}. */
        record DeviceIn(List<String> devices) implements Condition {
            public DeviceIn {
                devices = List.copyOf(devices);
            }
        }

        /** The row's time (epoch microseconds; with aggregation, the message's time) compared with {@code micros}. */
        record TimeCompare(Operator operator, long micros) implements Condition {
            public TimeCompare {
                Objects.requireNonNull(operator);
            }
        }

        private static void requireValue(Object value) {
            if (!(value instanceof Double || value instanceof String || value instanceof Boolean)) {
                throw new IllegalArgumentException("a compared value is a Double, String or Boolean: " + value);
            }
        }
    }

    public record Order(Key key, Direction direction) {
        public Order {
            Objects.requireNonNull(key);
            Objects.requireNonNull(direction);
        }
    }

    /** What rows are ordered by: a series' value (rows), an aggregate, the device or the time (window start). */
    public sealed interface Key {
        record SeriesValue(int series) implements Key {
        }

        record AggregateValue(int aggregate) implements Key {
        }

        record Device() implements Key {
        }

        record Time() implements Key {
        }

        private void check(int series, boolean aggregated, int aggregates) {
            switch (this) {
                case SeriesValue s when aggregated -> throw new IllegalArgumentException("aggregated rows have no series values");
                case SeriesValue s -> checkSeries(s.series(), series);
                case AggregateValue a when !aggregated -> throw new IllegalArgumentException("rows have no aggregates");
                case AggregateValue a -> checkSeries(a.aggregate(), aggregates);
                case Device d -> { }
                case Time t -> { }
            }
        }
    }
}
