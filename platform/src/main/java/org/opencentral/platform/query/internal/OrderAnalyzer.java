package org.opencentral.platform.query.internal;

import java.util.List;
import java.util.Optional;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.QueryOrdering;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.QueryAst;
import org.opencentral.platform.query.ast.SystemField;

/**
 * ORDER BY keys are selected items (by alias, output name or expression), or {@code $ts} /
 * {@code $id}; in aggregate queries only selected items (including the implicit {@code $ts}).
 */
final class OrderAnalyzer {
    private final NameScope scope;
    private final List<Column> columns;
    private final boolean aggregated;
    private final KindInference kinds;

    OrderAnalyzer(NameScope scope, List<Column> columns, boolean aggregated, KindInference kinds) {
        this.scope = scope;
        this.columns = List.copyOf(columns);
        this.aggregated = aggregated;
        this.kinds = kinds;
    }

    List<QueryOrdering> analyze(List<QueryAst.OrderItem> items) {
        return items.stream().map(this::ordering).toList();
    }

    private QueryOrdering ordering(QueryAst.OrderItem item) {
        Optional<Column> column = selectedByName(item.expr());
        ValueRef value = column.map(Column::value).orElseGet(() -> scope.resolve(item.expr(), true));
        if (column.isEmpty()) {
            column = columns.stream().filter(c -> c.value().equals(value)).findFirst();
        }
        kinds.value(value, item.expr().position());
        if (column.isEmpty() && (aggregated || !isTimestampOrId(value))) {
            throw QueryErrors.at(item.expr().position(), "cannot ORDER BY " + Describe.value(value) + ": "
                    + (aggregated ? "aggregate queries order by selected items only"
                            : "order by a selected item, $ts or $id"));
        }
        return new QueryOrdering(value, column.map(Column::name), item.direction());
    }

    /** A bare name that is an alias or an output column name ({@code avg_temperature}). */
    private Optional<Column> selectedByName(Expr expr) {
        Optional<Column> aliased = scope.alias(expr);
        if (aliased.isPresent() || !(expr instanceof Expr.Name name) || !name.simple()) {
            return aliased;
        }
        return columns.stream().filter(c -> c.name().equals(name.path())).findFirst();
    }

    private static boolean isTimestampOrId(ValueRef value) {
        return value instanceof ValueRef.Builtin b && (b.field() == SystemField.TS || b.field() == SystemField.ID);
    }
}
