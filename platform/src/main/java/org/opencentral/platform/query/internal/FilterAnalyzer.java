package org.opencentral.platform.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.platform.query.CapabilityKind;
import org.opencentral.platform.query.Filter;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.Condition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.Literal;
import org.opencentral.platform.query.ast.SystemField;
import org.opencentral.platform.query.ast.TimeWindow;

/**
 * WHERE: at most the limit of logical operators; one {@code WITHIN_WINDOW}, joined with AND at
 * the top (it becomes the query's time range); names resolved (aliases visible), no aggregates;
 * IN only for telemetry and {@code $id}; literals that suit their values.
 */
final class FilterAnalyzer {
    private final Scope scope;
    private final QueryLimits limits;
    private final KindInference kinds;
    private Optional<TimeWindow> timeRange = Optional.empty();

    FilterAnalyzer(Scope scope, QueryLimits limits, KindInference kinds) {
        this.scope = scope;
        this.limits = limits;
        this.kinds = kinds;
    }

    /** The filter without WITHIN_WINDOW; the time range is then {@link #timeRange()}. */
    Optional<Filter> analyze(Condition where) {
        int operators = LogicalOperators.count(where);
        if (operators > limits.maxLogicalOperators()) {
            throw Errors.at(where.position(), "WHERE has " + operators
                    + " logical operators (AND, OR, NOT); the maximum is " + limits.maxLogicalOperators());
        }
        List<Filter> rest = new ArrayList<>();
        for (Condition conjunct : conjuncts(where)) {
            if (conjunct instanceof Condition.WithinWindow within) {
                withinWindow(within);
            } else {
                rest.add(filter(conjunct));
            }
        }
        return switch (rest.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(rest.get(0));
            default -> Optional.of(new Filter.All(rest));
        };
    }

    Optional<TimeWindow> timeRange() {
        return timeRange;
    }

    private static List<Condition> conjuncts(Condition condition) {
        if (condition instanceof Condition.And and) {
            return and.operands().stream().flatMap(c -> conjuncts(c).stream()).toList();
        }
        return List.of(condition);
    }

    private void withinWindow(Condition.WithinWindow within) {
        if (timeRange.isPresent()) {
            throw Errors.at(within.position(), "WITHIN_WINDOW may appear only once");
        }
        TimeWindows.check(within.window(), within.position());
        kinds.telemetryOnly("WITHIN_WINDOW", "is only for telemetry", within.position());
        timeRange = Optional.of(within.window());
    }

    private Filter filter(Condition condition) {
        return switch (condition) {
            case Condition.And and -> new Filter.All(and.operands().stream().map(this::filter).toList());
            case Condition.Or or -> new Filter.Any(or.operands().stream().map(this::filter).toList());
            case Condition.Not not -> new Filter.Not(filter(not.operand()));
            case Condition.Comparison c -> comparison(c);
            case Condition.In in -> in(in);
            case Condition.WithinWindow w -> throw Errors.at(w.position(),
                    "WITHIN_WINDOW must be joined to the rest of WHERE with AND, not used under OR or NOT");
            case Condition.TextMatch m -> throw Errors.at(m.position(), m.function().wireName()
                    + "() is only for device queries (SELECT * FROM devices WHERE …)");
        };
    }

    private Filter comparison(Condition.Comparison c) {
        ValueRef value = operand(c.left());
        LiteralRules.checkComparison(value, c.operator(), c.right(), c.position());
        return new Filter.Compare(value, c.operator(), c.right());
    }

    private Filter in(Condition.In in) {
        ValueRef value = operand(in.left());
        boolean isId = value.equals(new ValueRef.Builtin(SystemField.ID));
        boolean isTelemetry = value instanceof ValueRef.Capability c && c.kind() == CapabilityKind.TELEMETRY;
        if (!isId && !isTelemetry) {
            throw Errors.at(in.position(), "IN is only for telemetry and $id, not " + describe(value));
        }
        if (in.values().size() > limits.maxInListSize()) {
            throw Errors.at(in.position(), "IN has " + in.values().size() + " values; the maximum is "
                    + limits.maxInListSize());
        }
        for (Literal literal : in.values()) {
            if (literal instanceof Literal.Null) {
                throw Errors.at(in.position(), "IN lists cannot contain null; use = null");
            }
            if (isId) {
                LiteralRules.requireString(SystemField.ID, literal, in.position());
            }
        }
        return new Filter.In(value, in.values());
    }

    private ValueRef operand(Expr expr) {
        ValueRef value = scope.resolve(expr, true);
        if (value instanceof ValueRef.Aggregate) {
            throw Errors.at(expr.position(), Describe.value(value) + ": aggregates are not allowed in WHERE");
        }
        kinds.value(value, expr.position());
        return value;
    }

    private static String describe(ValueRef value) {
        return switch (value) {
            case ValueRef.Capability c -> Describe.value(c) + ", which is " + c.kind().describe();
            case ValueRef.Builtin b -> Describe.value(b);
            case ValueRef.Aggregate a -> Describe.value(a);
        };
    }
}
