package org.opencentral.platform.query.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.platform.query.CapabilityCatalog;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.QueryOrdering;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.QueryKind;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.QueryAst;
import org.opencentral.platform.query.ast.TimeWindow;

/** The analyzer's steps, in order: template, SELECT, WHERE, aggregates, ORDER BY, kind, TOP. */
public final class Analysis {
    private Analysis() {
    }

    public static Query analyze(QueryAst ast, QueryLimits limits, CapabilityCatalog catalog) {
        String templateId = ast.from().id();
        if (!catalog.templateExists(templateId)) {
            throw QueryErrors.at(ast.from().position(), "unknown device template '" + templateId + "'");
        }
        KindInference kinds = new KindInference();
        NameScope plain = new NameScope(templateId, catalog, Map.of());
        List<Selected> selected = new SelectAnalyzer(plain, limits.maxSelectItems()).analyze(ast.select());
        selected.forEach(s -> kinds.value(s.column().value(), s.position()));
        NameScope scope = plain.withAliases(SelectAnalyzer.aliases(ast.select(), selected));

        FilterAnalyzer filters = new FilterAnalyzer(scope, limits, kinds);
        Optional<QueryFilter> filter = ast.where().flatMap(filters::analyze);
        Optional<TimeWindow> timeRange = filters.timeRange();

        List<Column> columns = AggregateRules.apply(selected, ast.groupBy());
        boolean aggregated = columns.stream().anyMatch(c -> c.value() instanceof ValueRef.Aggregate);
        List<QueryOrdering> orderBy = new OrderAnalyzer(scope, columns, aggregated, kinds).analyze(ast.orderBy());

        QueryKind kind = kinds.infer();
        int limit = limit(ast.top(), limits.maxRows(kind), kind);
        return new Query(templateId, kind, columns, timeRange, filter,
                ast.groupBy().map(g -> g.size().value()), orderBy, limit);
    }

    private static int limit(Optional<QueryAst.Top> top, int cap, QueryKind kind) {
        if (top.isEmpty()) {
            return cap;
        }
        long count = top.get().count();
        if (count < 1) {
            throw QueryErrors.at(top.get().position(), "TOP must be at least 1, not " + count);
        }
        if (count > cap) {
            throw QueryErrors.at(top.get().position(), "TOP " + count + " exceeds the maximum of " + cap + " rows for "
                    + (kind == QueryKind.TELEMETRY ? "telemetry" : "property") + " queries");
        }
        return (int) count;
    }
}
