package org.opencentral.platform.query.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed query, as written:
 * {@code SELECT [TOP n] item, … FROM template [WHERE cond] [GROUP BY WINDOW(d)] [ORDER BY item [ASC|DESC], …]}.
 */
public record QueryAst(
        Optional<Top> top,
        List<SelectItem> select,
        TemplateRef from,
        Optional<WhereCondition> where,
        Optional<GroupByWindow> groupBy,
        List<OrderItem> orderBy) {

    public QueryAst {
        Objects.requireNonNull(top);
        select = List.copyOf(select);
        if (select.isEmpty()) {
            throw new IllegalArgumentException("a query selects at least one item");
        }
        Objects.requireNonNull(from);
        Objects.requireNonNull(where);
        Objects.requireNonNull(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    /** {@code TOP n}; the value may be out of range, the analyzer checks it. */
    public record Top(long count, SourcePosition position) {
        public Top {
            Objects.requireNonNull(position);
        }
    }

    /** The device template id after FROM (a DTMI, or a legacy {@code urn:} id). */
    public record TemplateRef(String id, SourcePosition position) {
        public TemplateRef {
            Objects.requireNonNull(id);
            Objects.requireNonNull(position);
        }
    }

    /** {@code GROUP BY WINDOW(PT10M)}. */
    public record GroupByWindow(IsoDuration size, SourcePosition position) {
        public GroupByWindow {
            Objects.requireNonNull(size);
            Objects.requireNonNull(position);
        }
    }

    /** {@code item [ASC|DESC]}. */
    public record OrderItem(Expr expr, SortDirection direction) {
        public OrderItem {
            Objects.requireNonNull(expr);
            Objects.requireNonNull(direction);
        }
    }
}
