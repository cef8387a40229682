package org.opencentral.platform.query;

import static org.opencentral.platform.query.CanonicalJson.object;

import java.util.List;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.IsoDuration;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.QueryAst;
import org.opencentral.platform.query.ast.SelectItem;
import org.opencentral.platform.query.ast.TimeWindow;

/** The canonical JSON form of syntax trees (positions left out) and validated queries. */
final class AstJson {
    private AstJson() {
    }

    static Object ast(QueryAst ast) {
        return object(
                "top", ast.top().map(QueryAst.Top::count),
                "select", ast.select().stream().map(AstJson::selectItem).toList(),
                "from", ast.from().id(),
                "where", ast.where().map(AstJson::condition),
                "groupByWindow", ast.groupBy().map(g -> duration(g.size())),
                "orderBy", ast.orderBy().stream()
                        .map(o -> object("expr", expr(o.expr()), "direction", o.direction().name())).toList());
    }

    static Object selectItem(SelectItem item) {
        return switch (item) {
            case SelectItem.Wildcard w -> object("wildcard", true);
            case SelectItem.Column c -> object("expr", expr(c.expr()), "alias", c.alias().map(SelectItem.Alias::name));
        };
    }

    static Object expr(Expr expr) {
        return switch (expr) {
            case Expr.Name n -> n.simple() ? object("name", n.path()) : object("path", n.parts());
            case Expr.Builtin b -> object("builtin", b.field().text());
            case Expr.Aggregate a -> object("aggregate", a.function().name(),
                    "argument", a.argument().map(AstJson::expr).map(Object.class::cast).orElse("*"));
        };
    }

    static Object condition(WhereCondition condition) {
        return switch (condition) {
            case WhereCondition.And and -> object("and", conditions(and.operands()));
            case WhereCondition.Or or -> object("or", conditions(or.operands()));
            case WhereCondition.Not not -> object("not", condition(not.operand()));
            case WhereCondition.Comparison c -> object("left", expr(c.left()), "op", c.operator().symbol(),
                    "right", literal(c.right()));
            case WhereCondition.In in -> object("left", expr(in.left()), "in", in.values().stream().map(AstJson::literal).toList());
            case WhereCondition.WithinWindow w -> object("withinWindow", window(w.window()));
            case WhereCondition.TextMatch m -> object(m.function().wireName(), expr(m.target()), "text", m.text());
        };
    }

    private static List<Object> conditions(List<WhereCondition> conditions) {
        return conditions.stream().map(AstJson::condition).toList();
    }

    static Object literal(QueryLiteral literal) {
        return switch (literal) {
            case QueryLiteral.Num n -> n.value();
            case QueryLiteral.Str s -> s.value();
            case QueryLiteral.Bool b -> b.value();
            case QueryLiteral.Null n -> null;
        };
    }

    static Object window(TimeWindow window) {
        return switch (window) {
            case TimeWindow.Recent r -> object("last", duration(r.duration()));
            case TimeWindow.Between b -> object("start", b.start().toString(), "end", b.end().toString());
        };
    }

    static Object duration(IsoDuration d) {
        return object("text", d.text(), "value", d.value().toString());
    }
}
