package org.opencentral.platform.query;

import static org.opencentral.platform.query.CanonicalJson.object;

/** The canonical JSON form of a validated {@link Query}. */
final class QueryJson {
    private QueryJson() {
    }

    static Object query(Query q) {
        return object(
                "template", q.templateId(),
                "kind", q.kind().name(),
                "columns", q.columns().stream().map(c -> object("name", c.name(), "value", value(c.value()))).toList(),
                "timeRange", q.timeRange().map(AstJson::window),
                "filter", q.filter().map(QueryJson::filter),
                "window", q.window().map(Object::toString),
                "orderBy", q.orderBy().stream().map(o -> object("value", value(o.value()), "column", o.column(),
                        "direction", o.direction().name())).toList(),
                "limit", q.limit());
    }

    static Object value(ValueRef value) {
        return switch (value) {
            case ValueRef.Capability c -> c.members().isEmpty()
                    ? object("component", c.component(), "name", c.name(), "kind", c.kind().name())
                    : object("component", c.component(), "name", c.name(), "members", c.members(),
                            "kind", c.kind().name());
            case ValueRef.Builtin b -> object("builtin", b.field().text());
            case ValueRef.Aggregate a -> object("aggregate", a.function().name(),
                    "argument", a.argument().map(QueryJson::value).map(Object.class::cast).orElse("*"));
        };
    }

    static Object filter(QueryFilter filter) {
        return switch (filter) {
            case QueryFilter.All all -> object("all", all.operands().stream().map(QueryJson::filter).toList());
            case QueryFilter.Any any -> object("any", any.operands().stream().map(QueryJson::filter).toList());
            case QueryFilter.Not not -> object("not", filter(not.operand()));
            case QueryFilter.Compare c -> object("value", value(c.value()), "op", c.operator().symbol(),
                    "literal", AstJson.literal(c.literal()));
            case QueryFilter.In in -> object("value", value(in.value()), "in", in.values().stream().map(AstJson::literal).toList());
        };
    }
}
