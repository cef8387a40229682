package org.opencentral.platform.query.plan;

import java.time.OffsetDateTime;
import java.util.List;
import org.opencentral.core.telemetry.TelemetryQuery.Condition;
import org.opencentral.core.telemetry.TelemetryQuery.Operator;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.SystemField;

/**
 * WHERE as a plan condition: telemetry values by their series number, {@code $id} and {@code $ts}
 * as the row's device and time; other metadata as membership of the row's device in the ids of
 * the devices that pass the condition (the store sees device metadata only as lists of ids).
 */
final class ConditionPlanner {
    private final SeriesScope scope;
    private final DeviceSet devices;

    ConditionPlanner(SeriesScope scope, DeviceSet devices) {
        this.scope = scope;
        this.devices = devices;
    }

    Condition plan(QueryFilter filter) {
        return switch (filter) {
            case QueryFilter.All all -> new Condition.All(all.operands().stream().map(this::plan).toList());
            case QueryFilter.Any any -> new Condition.Any(any.operands().stream().map(this::plan).toList());
            case QueryFilter.Not not -> new Condition.Not(plan(not.operand()));
            case QueryFilter.Compare compare -> compare(compare);
            case QueryFilter.In in -> in(in);
        };
    }

    private Condition compare(QueryFilter.Compare compare) {
        return switch (compare.value()) {
            case ValueRef.Capability c -> compareValue(scope.index(c), compare.operator(), compare.literal());
            case ValueRef.Builtin b -> switch (b.field()) {
                case ID -> new Condition.DeviceCompare(operator(compare.operator()), text(compare.literal()));
                case TS -> new Condition.TimeCompare(operator(compare.operator()), micros(text(compare.literal())));
                case PROVISIONED, SIMULATED, ENABLED, DISPLAY_NAME, TEMPLATE ->
                        new Condition.DeviceIn(devices.passing(compare));
            };
            case ValueRef.Aggregate a -> throw new IllegalStateException("aggregate in WHERE: " + a);
        };
    }

    private static Condition compareValue(int series, ComparisonOperator op, QueryLiteral literal) {
        return switch (literal) {
            case QueryLiteral.Num n -> new Condition.ValueCompare(series, operator(op), n.value().doubleValue());
            case QueryLiteral.Str s -> new Condition.ValueCompare(series, operator(op), s.value());
            case QueryLiteral.Bool b -> new Condition.ValueCompare(series, operator(op), b.value());
            case QueryLiteral.Null n -> op == ComparisonOperator.EQ ? new Condition.ValueIsNull(series)
                    : new Condition.Not(new Condition.ValueIsNull(series));
        };
    }

    private Condition in(QueryFilter.In in) {
        return switch (in.value()) {
            case ValueRef.Capability c -> new Condition.ValueIn(scope.index(c), values(in.values()));
            case ValueRef.Builtin b when b.field() == SystemField.ID ->
                    new Condition.DeviceIn(in.values().stream().map(ConditionPlanner::text).toList());
            case ValueRef.Builtin b -> new Condition.DeviceIn(devices.passing(in));
            case ValueRef.Aggregate a -> throw new IllegalStateException("aggregate in WHERE: " + a);
        };
    }

    private static List<Object> values(List<QueryLiteral> literals) {
        return literals.stream().map(literal -> switch (literal) {
            case QueryLiteral.Num n -> (Object) n.value().doubleValue();
            case QueryLiteral.Str s -> s.value();
            case QueryLiteral.Bool b -> b.value();
            case QueryLiteral.Null n -> throw new IllegalStateException("null in IN");
        }).toList();
    }

    private static Operator operator(ComparisonOperator op) {
        return switch (op) {
            case EQ -> Operator.EQ;
            case NE -> Operator.NE;
            case GT -> Operator.GT;
            case LT -> Operator.LT;
            case GE -> Operator.GE;
            case LE -> Operator.LE;
        };
    }

    private static String text(QueryLiteral literal) {
        if (literal instanceof QueryLiteral.Str s) {
            return s.value();
        }
        throw new IllegalStateException("the analyzer lets only strings through here: " + literal);
    }

    private static long micros(String timestamp) {
        var instant = OffsetDateTime.parse(timestamp).toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
