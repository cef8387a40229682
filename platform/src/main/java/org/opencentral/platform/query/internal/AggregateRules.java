package org.opencentral.platform.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.QueryAst;
import org.opencentral.platform.query.ast.SystemField;

/**
 * GROUP BY WINDOW needs aggregates; with aggregates, SELECT may add only {@code $id} (group per
 * device) and, with a window, {@code $ts} (the window start, which is added when not selected).
 */
final class AggregateRules {
    private static final ValueRef TS = new ValueRef.Builtin(SystemField.TS);
    private static final ValueRef ID = new ValueRef.Builtin(SystemField.ID);

    private AggregateRules() {
    }

    /** The output columns, with {@code $ts} first when a windowed query does not select it. */
    static List<Column> apply(List<Selected> selected, Optional<QueryAst.GroupByWindow> groupBy) {
        boolean aggregated = selected.stream().anyMatch(s -> s.column().value() instanceof ValueRef.Aggregate);
        groupBy.ifPresent(g -> {
            TimeWindows.checkPositive(g.size(), g.position());
            if (!aggregated) {
                throw QueryErrors.at(g.position(), "GROUP BY WINDOW needs aggregates such as AVG(temperature) in SELECT");
            }
        });
        List<Column> columns = new ArrayList<>(selected.stream().map(Selected::column).toList());
        if (!aggregated) {
            return columns;
        }
        for (Selected s : selected) {
            checkAlongsideAggregates(s, groupBy.isPresent());
        }
        if (groupBy.isPresent() && columns.stream().noneMatch(c -> c.value().equals(TS))) {
            columns.add(0, new Column(SystemField.TS.text(), TS));
        }
        return columns;
    }

    private static void checkAlongsideAggregates(Selected s, boolean windowed) {
        ValueRef value = s.column().value();
        if (value instanceof ValueRef.Aggregate || value.equals(ID)) {
            return;
        }
        if (value.equals(TS)) {
            if (!windowed) {
                throw QueryErrors.at(s.position(), "$ts can be selected with aggregates only with GROUP BY WINDOW");
            }
            return;
        }
        String hint = value instanceof ValueRef.Capability
                ? " must be aggregated, e.g. AVG(" + value.defaultName() + ")" : " cannot be selected";
        throw QueryErrors.at(s.position(), Describe.value(value) + hint
                + ": alongside aggregates SELECT can only add $id, and $ts with GROUP BY WINDOW");
    }
}
