package org.opencentral.platform.query.sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencentral.core.telemetry.TelemetrySql;
import org.opencentral.platform.query.Filter;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.Literal;
import org.opencentral.platform.query.ast.SystemField;

/**
 * WHERE over the pivot {@code m(d, t, v0_n, v0_f, v0_t, …)}: telemetry values by their type (a
 * number literal compares with the number column, a string with the text, a boolean with the flag),
 * {@code $id} with {@code d}, {@code $ts} with {@code t}; other metadata as membership of {@code d}
 * in the bound ids of the devices that pass the condition.
 */
final class FilterSql {
    private final SeriesScope scope;
    private final DeviceSet devices;

    FilterSql(SeriesScope scope, DeviceSet devices) {
        this.scope = scope;
        this.devices = devices;
    }

    void write(Sql sql, Filter filter) {
        switch (filter) {
            case Filter.All all -> join(sql, all.operands(), " AND ");
            case Filter.Any any -> join(sql, any.operands(), " OR ");
            case Filter.Not not -> {
                sql.sql("NOT (");
                write(sql, not.operand());
                sql.sql(")");
            }
            case Filter.Compare compare -> compare(sql, compare);
            case Filter.In in -> in(sql, in);
        }
    }

    private void join(Sql sql, List<Filter> operands, String operator) {
        sql.sql("(");
        for (int i = 0; i < operands.size(); i++) {
            sql.sql(i > 0 ? operator : "");
            write(sql, operands.get(i));
        }
        sql.sql(")");
    }

    private void compare(Sql sql, Filter.Compare compare) {
        switch (compare.value()) {
            case ValueRef.Capability c -> compareValue(sql, "v" + scope.index(c), compare.operator(), compare.literal());
            case ValueRef.Builtin b -> compareBuiltin(sql, compare, b.field());
            case ValueRef.Aggregate a -> throw new IllegalStateException("aggregate in WHERE: " + a);
        }
    }

    private static void compareValue(Sql sql, String v, ComparisonOperator op, Literal literal) {
        switch (literal) {
            case Literal.Num n -> sql.sql(v + "_n " + symbol(op) + " ").bind(n.value().doubleValue());
            case Literal.Str s -> sql.sql(v + "_t " + symbol(op) + " ").bind(s.value());
            case Literal.Bool b -> sql.sql(v + "_f " + symbol(op) + " ").bind(b.value());
            case Literal.Null n -> sql.sql((op == ComparisonOperator.EQ ? "" : "NOT ") + "(" + v + "_n IS NULL AND "
                    + v + "_f IS NULL AND " + v + "_t IS NULL)");
        }
    }

    private void compareBuiltin(Sql sql, Filter.Compare compare, SystemField field) {
        switch (field) {
            case ID -> sql.sql("d " + symbol(compare.operator()) + " ").bind(text(compare.literal()));
            case TS -> sql.sql("t " + symbol(compare.operator()) + " ").bind(micros(text(compare.literal())));
            case PROVISIONED, SIMULATED, ENABLED, DISPLAY_NAME, TEMPLATE -> member(sql, compare);
        }
    }

    private void in(Sql sql, Filter.In in) {
        switch (in.value()) {
            case ValueRef.Capability c -> inValue(sql, "v" + scope.index(c), in.values());
            case ValueRef.Builtin b when b.field() == SystemField.ID ->
                    sql.sql("d IN ").bindList(in.values().stream().map(FilterSql::text).toList());
            case ValueRef.Builtin b -> member(sql, in);
            case ValueRef.Aggregate a -> throw new IllegalStateException("aggregate in WHERE: " + a);
        }
    }

    private static void inValue(Sql sql, String v, List<Literal> values) {
        List<Object> numbers = new ArrayList<>();
        List<Object> texts = new ArrayList<>();
        List<Object> flags = new ArrayList<>();
        for (Literal literal : values) {
            switch (literal) {
                case Literal.Num n -> numbers.add(n.value().doubleValue());
                case Literal.Str s -> texts.add(s.value());
                case Literal.Bool b -> flags.add(b.value());
                case Literal.Null n -> throw new IllegalStateException("null in IN");
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

    private void member(Sql sql, Filter condition) {
        sql.sql("d = ANY(").bind(new TelemetrySql.StringList(devices.passing(condition))).sql(")");
    }

    private static String symbol(ComparisonOperator op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case LT -> "<";
            case GE -> ">=";
            case LE -> "<=";
        };
    }

    private static String text(Literal literal) {
        if (literal instanceof Literal.Str s) {
            return s.value();
        }
        throw new IllegalStateException("the analyzer lets only strings through here: " + literal);
    }

    static long micros(String timestamp) {
        var instant = OffsetDateTime.parse(timestamp).toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
