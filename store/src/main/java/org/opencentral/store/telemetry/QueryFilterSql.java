package org.opencentral.store.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencentral.core.telemetry.TelemetryQuery.Condition;
import org.opencentral.core.telemetry.TelemetryQuery.Operator;

/**
 * WHERE over the pivot {@code m(d, t, v0_n, v0_f, v0_t, …)}: series values by their type (a number
 * compares with the number column, a string with the text, a boolean with the flag), the device
 * with {@code d}, the time with {@code t}; a set of devices as one bound array.
 */
final class QueryFilterSql {
    private QueryFilterSql() {
    }

    static void write(QueryText sql, Condition condition) {
        switch (condition) {
            case Condition.All all -> join(sql, all.operands(), " AND ");
            case Condition.Any any -> join(sql, any.operands(), " OR ");
            case Condition.Not not -> {
                sql.sql("NOT (");
                write(sql, not.operand());
                sql.sql(")");
            }
            case Condition.ValueCompare compare -> compareValue(sql, "v" + compare.series(), compare);
            case Condition.ValueIn in -> inValue(sql, "v" + in.series(), in.values());
            case Condition.ValueIsNull isNull -> {
                String v = "v" + isNull.series();
                sql.sql("(" + v + "_n IS NULL AND " + v + "_f IS NULL AND " + v + "_t IS NULL)");
            }
            case Condition.DeviceCompare device -> sql.sql("d " + symbol(device.operator()) + " ").bind(device.device());
            case Condition.DeviceIn in -> sql.sql("d = ANY(").bind(new QueryText.StringList(in.devices())).sql(")");
            case Condition.TimeCompare time -> sql.sql("t " + symbol(time.operator()) + " ").bind(time.micros());
        }
    }

    private static void join(QueryText sql, List<Condition> operands, String operator) {
        sql.sql("(");
        for (int i = 0; i < operands.size(); i++) {
            sql.sql(i > 0 ? operator : "");
            write(sql, operands.get(i));
        }
        sql.sql(")");
    }

    private static void compareValue(QueryText sql, String v, Condition.ValueCompare compare) {
        sql.sql(v + column(compare.value()) + " " + symbol(compare.operator()) + " ").bind(compare.value());
    }

    private static void inValue(QueryText sql, String v, List<Object> values) {
        List<Object> numbers = new ArrayList<>();
        List<Object> texts = new ArrayList<>();
        List<Object> flags = new ArrayList<>();
        for (Object value : values) {
            switch (column(value)) {
                case "_n" -> numbers.add(value);
                case "_t" -> texts.add(value);
                default -> flags.add(value);
            }
        }
        boolean first = true;
        sql.sql("(");
        for (var group : List.of(Map.entry("_n", numbers), Map.entry("_t", texts), Map.entry("_f", flags))) {
            if (!group.getValue().isEmpty()) {
                sql.sql(first ? "" : " OR ").sql(v + group.getKey() + " IN ").bindList(group.getValue());
                first = false;
            }
        }
        sql.sql(")");
    }

    /** The pivot column suffix of a value's type: number, text or flag. */
    private static String column(Object value) {
        return switch (value) {
            case Double d -> "_n";
            case String s -> "_t";
            case Boolean b -> "_f";
            default -> throw new IllegalArgumentException("not a telemetry value: " + value);
        };
    }

    private static String symbol(Operator op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case LT -> "<";
            case GE -> ">=";
            case LE -> "<=";
        };
    }
}
