package org.opencentral.platform.query.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.QueryAst;
import org.opencentral.platform.query.ast.SelectItem;
import org.opencentral.platform.query.ast.SortDirection;

/** The recursive-descent parser's top level: one method per clause. */
public final class Parser {
    private static final String AFTER_FROM = "WHERE, GROUP BY, ORDER BY or end of query";
    private final TokenCursor cursor;
    private final ExprParser exprs;
    private final LiteralParser literals;
    private final ConditionParser conditions;

    private Parser(String source, QueryLimits limits) {
        this.cursor = new TokenCursor(source, QueryLexer.tokenize(source));
        this.exprs = new ExprParser(cursor);
        this.literals = new LiteralParser(cursor);
        this.conditions = new ConditionParser(cursor, exprs, literals, limits.maxNestingDepth());
    }

    /** Parses {@code source}, which the caller has checked against the length limit. */
    public static QueryAst parse(String source, QueryLimits limits) {
        return new Parser(source, limits).query();
    }

    /**
     * Parses a device query, {@code SELECT * FROM devices [WHERE cond]} (the filter of device groups);
     * the caller has checked the length. Returns the condition, empty when there is none.
     */
    public static Optional<WhereCondition> parseDeviceQuery(String source, QueryLimits limits) {
        return new Parser(source, limits).deviceQuery();
    }

    private Optional<WhereCondition> deviceQuery() {
        cursor.expectKeyword("SELECT");
        cursor.expect(TokenKind.STAR, "'*' (a device query selects whole devices)");
        cursor.expectKeyword("FROM");
        if (!cursor.atKeyword("devices")) {
            throw cursor.expected("devices after FROM");
        }
        cursor.take();
        Optional<WhereCondition> where = cursor.acceptKeyword("WHERE") ? Optional.of(conditions.condition()) : Optional.empty();
        if (!cursor.at(TokenKind.END)) {
            throw cursor.expected(where.isPresent() ? "AND, OR or end of query" : "WHERE or end of query");
        }
        return where;
    }

    private QueryAst query() {
        cursor.expectKeyword("SELECT");
        Optional<QueryAst.Top> top = top();
        List<SelectItem> select = selectList();
        QueryAst.TemplateRef from = from();
        Optional<WhereCondition> where = cursor.acceptKeyword("WHERE") ? Optional.of(conditions.condition()) : Optional.empty();
        Optional<QueryAst.GroupByWindow> groupBy = groupBy();
        List<QueryAst.OrderItem> orderBy = orderBy();
        if (!cursor.at(TokenKind.END)) {
            throw cursor.expected(expectedAtEnd(where, groupBy, orderBy));
        }
        return new QueryAst(top, select, from, where, groupBy, orderBy);
    }

    private static String expectedAtEnd(Optional<WhereCondition> where, Optional<QueryAst.GroupByWindow> groupBy,
            List<QueryAst.OrderItem> orderBy) {
        if (!orderBy.isEmpty()) {
            return "',' or end of query";
        }
        if (groupBy.isPresent()) {
            return "ORDER BY or end of query";
        }
        return where.isPresent() ? "AND, OR, GROUP BY, ORDER BY or end of query" : AFTER_FROM;
    }

    private Optional<QueryAst.Top> top() {
        if (!cursor.atKeyword("TOP")) {
            return Optional.empty();
        }
        QueryToken keyword = cursor.take();
        QueryToken count = cursor.peek();
        if (count.kind() != TokenKind.NUMBER || !count.text().matches("[-+]?\\d+")) {
            throw cursor.expected("a whole number after TOP");
        }
        cursor.take();
        BigInteger value = new BigInteger(count.text());
        if (value.bitLength() > 62) {
            throw cursor.error(count, "TOP " + count.text() + " is out of range");
        }
        return Optional.of(new QueryAst.Top(value.longValueExact(), cursor.position(keyword)));
    }

    private List<SelectItem> selectList() {
        List<SelectItem> items = new ArrayList<>(List.of(selectItem()));
        while (cursor.accept(TokenKind.COMMA)) {
            items.add(selectItem());
        }
        return items;
    }

    private SelectItem selectItem() {
        if (cursor.at(TokenKind.STAR)) {
            return new SelectItem.Wildcard(cursor.position(cursor.take()));
        }
        Expr expr = exprs.expr("a select item (a name, $id, $ts, an aggregate such as AVG(name), or *)");
        if (!cursor.atKeyword("AS")) {
            return new SelectItem.Column(expr, Optional.empty());
        }
        cursor.take();
        QueryToken alias = cursor.peek();
        if (alias.kind() != TokenKind.IDENTIFIER || alias.isReserved()) {
            throw cursor.expected("an alias after AS");
        }
        cursor.take();
        return new SelectItem.Column(expr, Optional.of(new SelectItem.Alias(alias.text(), cursor.position(alias))));
    }

    private QueryAst.TemplateRef from() {
        cursor.expectKeyword("FROM");
        QueryToken id = cursor.peek();
        if (id.kind() != TokenKind.TEMPLATE_ID) {
            throw cursor.expected("a device template id such as dtmi:contoso:thermostat;1");
        }
        cursor.take();
        if (!TemplateIds.isValid(id.text())) {
            throw cursor.error(id, "invalid device template id " + id.describe()
                    + ": expected a DTMI such as dtmi:contoso:thermostat;1");
        }
        return new QueryAst.TemplateRef(id.text(), cursor.position(id));
    }

    private Optional<QueryAst.GroupByWindow> groupBy() {
        if (!cursor.atKeyword("GROUP")) {
            return Optional.empty();
        }
        cursor.take();
        cursor.expectKeyword("BY");
        QueryToken window = cursor.peek();
        if (!window.isKeyword("WINDOW")) {
            throw cursor.expected("WINDOW after GROUP BY");
        }
        cursor.take();
        cursor.expect(TokenKind.LPAREN, "'(' after WINDOW");
        QueryAst.GroupByWindow groupBy = new QueryAst.GroupByWindow(literals.duration(), cursor.position(window));
        cursor.expect(TokenKind.RPAREN, "')'");
        return Optional.of(groupBy);
    }

    private List<QueryAst.OrderItem> orderBy() {
        if (!cursor.acceptKeyword("ORDER")) {
            return List.of();
        }
        cursor.expectKeyword("BY");
        List<QueryAst.OrderItem> items = new ArrayList<>(List.of(orderItem()));
        while (cursor.accept(TokenKind.COMMA)) {
            items.add(orderItem());
        }
        return items;
    }

    private QueryAst.OrderItem orderItem() {
        Expr expr = exprs.expr("a name, $id, $ts or an alias to order by");
        SortDirection direction = SortDirection.ASC;
        if (cursor.acceptKeyword("DESC")) {
            direction = SortDirection.DESC;
        } else {
            cursor.acceptKeyword("ASC");
        }
        return new QueryAst.OrderItem(expr, direction);
    }
}
