package org.opencentral.platform.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.platform.query.CapabilityKind;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.SystemField;
import org.opencentral.platform.query.ast.TimeWindow;

/**
 * WHERE: at most the limit of logical operators; one {@code WITHIN_WINDOW}, joined with AND at
 * the top (it becomes the query's time range); names resolved (aliases visible), no aggregates;
 * IN only for telemetry and {@code $id}; literals that suit their values.
 */
final class FilterAnalyzer {
    private final NameScope scope;
    private final QueryLimits limits;
    private final KindInference kinds;
    private Optional<TimeWindow> timeRange = Optional.empty();

    FilterAnalyzer(NameScope scope, QueryLimits limits, KindInference kinds) {
        this.scope = scope;
        this.limits = limits;
        this.kinds = kinds;
    }

    /** The filter without WITHIN_WINDOW; the time range is then {@link #timeRange()}. */
    Optional<QueryFilter> analyze(WhereCondition where) {
        int operators = LogicalOperators.count(where);
        if (operators > limits.maxLogicalOperators()) {
            throw QueryErrors.at(where.position(), "WHERE has " + operators
                    + " logical operators (AND, OR, NOT); the maximum is " + limits.maxLogicalOperators());
        }
        List<QueryFilter> rest = new ArrayList<>();
        for (WhereCondition conjunct : conjuncts(where)) {
            if (conjunct instanceof WhereCondition.WithinWindow within) {
                withinWindow(within);
            } else {
                rest.add(filter(conjunct));
            }
        }
        return switch (rest.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(rest.get(0));
            default -> Optional.of(new QueryFilter.All(rest));
        };
    }

    Optional<TimeWindow> timeRange() {
        return timeRange;
    }

    private static List<WhereCondition> conjuncts(WhereCondition condition) {
        if (condition instanceof WhereCondition.And and) {
            return and.operands().stream().flatMap(c -> conjuncts(c).stream()).toList();
        }
        return List.of(condition);
    }

    private void withinWindow(WhereCondition.WithinWindow within) {
        if (timeRange.isPresent()) {
            throw QueryErrors.at(within.position(), "WITHIN_WINDOW may appear only once");
        }
        TimeWindows.check(within.window(), within.position());
        kinds.telemetryOnly("WITHIN_WINDOW", "is only for telemetry", within.position());
        timeRange = Optional.of(within.window());
    }

    private QueryFilter filter(WhereCondition condition) {
        return switch (condition) {
            case WhereCondition.And and -> new QueryFilter.All(and.operands().stream().map(this::filter).toList());
            case WhereCondition.Or or -> new QueryFilter.Any(or.operands().stream().map(this::filter).toList());
            case WhereCondition.Not not -> new QueryFilter.Not(filter(not.operand()));
            case WhereCondition.Comparison c -> comparison(c);
            case WhereCondition.In in -> in(in);
            case WhereCondition.WithinWindow w -> throw QueryErrors.at(w.position(),
                    "WITHIN_WINDOW must be joined to the rest of WHERE with AND, not used under OR or NOT");
            case WhereCondition.TextMatch m -> throw QueryErrors.at(m.position(), m.function().wireName()
                    + "() is only for device queries (SELECT * FROM devices WHERE …)");
        };
    }

    private QueryFilter comparison(WhereCondition.Comparison c) {
        ValueRef value = operand(c.left());
        LiteralRules.checkComparison(value, c.operator(), c.right(), c.position());
        return new QueryFilter.Compare(value, c.operator(), c.right());
    }

    private QueryFilter in(WhereCondition.In in) {
        ValueRef value = operand(in.left());
        boolean isId = value.equals(new ValueRef.Builtin(SystemField.ID));
        boolean isTelemetry = value instanceof ValueRef.Capability c && c.kind() == CapabilityKind.TELEMETRY;
        if (!isId && !isTelemetry) {
            throw QueryErrors.at(in.position(), "IN is only for telemetry and $id, not " + describe(value));
        }
        if (in.values().size() > limits.maxInListSize()) {
            throw QueryErrors.at(in.position(), "IN has " + in.values().size() + " values; the maximum is "
                    + limits.maxInListSize());
        }
        for (QueryLiteral literal : in.values()) {
            if (literal instanceof QueryLiteral.Null) {
                throw QueryErrors.at(in.position(), "IN lists cannot contain null; use = null");
            }
            if (isId) {
                LiteralRules.requireString(SystemField.ID, literal, in.position());
            }
        }
        return new QueryFilter.In(value, in.values());
    }

    private ValueRef operand(Expr expr) {
        ValueRef value = scope.resolve(expr, true);
        if (value instanceof ValueRef.Aggregate) {
            throw QueryErrors.at(expr.position(), Describe.value(value) + ": aggregates are not allowed in WHERE");
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
