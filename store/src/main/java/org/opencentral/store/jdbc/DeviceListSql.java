package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.opencentral.core.device.Device;
import org.opencentral.core.filter.ListFilter;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.Op;
import org.opencentral.core.filter.ListOrdering;
import org.opencentral.core.filter.TextMatch;
import org.opencentral.core.store.DeviceCursor;
import org.opencentral.core.store.DeviceField;
import org.opencentral.core.store.DeviceListQuery;

/**
 * A {@link DeviceListQuery} compiled to one parameterized SELECT. User values only ever become
 * bind parameters; the SQL text is built from the fixed column table below. A page after a cursor
 * (key, id) is the union of two index range scans on the V7 (sort key, id) indexes: the rest of the
 * cursor's tie (key = ?, id after ?) and the keys after it (key after ?), each limited to the page,
 * merged and cut to the page. (A row-value comparison or an OR would make SQLite walk the index
 * from its start, so a deep page of a list sorted by a boolean cost a scan.) Sort keys never
 * contain NULL: absent templates sort as '', absent activity as -1; display names sort by their
 * lower-case form (in the "C" collation on PostgreSQL, so both engines order alike).
 */
final class DeviceListSql {
    private final Dialect dialect;
    private final DeviceListQuery query;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private DeviceListSql(Dialect dialect, DeviceListQuery query) {
        this.dialect = dialect;
        this.query = query;
    }

    /**
     * The SELECT of one more row than the page holds (to learn whether another page follows). An
     * empty organization scope matches nothing and must be answered without a query.
     */
    static DeviceListSql compile(DeviceListQuery query, Dialect dialect) {
        DeviceListSql compiled = new DeviceListSql(dialect, query);
        compiled.build();
        return compiled;
    }

    String sql() {
        return sql.toString();
    }

    Object[] parameters() {
        return parameters.toArray();
    }

    /** Maps a result row to the device and the cursor that continues after it. */
    Row map(ResultSet row, DeviceRows rows) throws SQLException {
        Device device = rows.map(row);
        return new Row(device, new DeviceCursor(query.order(), sortKey(row), device.id().value()));
    }

    record Row(Device device, DeviceCursor cursor) {
    }

    private void build() {
        if (query.organizations().filter(java.util.Set::isEmpty).isPresent()) {
            throw new IllegalStateException("an empty organization scope needs no query");
        }
        String sortKey = sortKey(query.order().field());
        String select = DeviceRows.SELECT.replace(" FROM devices", ", " + sortKey + " AS sort_key FROM devices")
                + " WHERE 1 = 1";
        scope();
        String base = sql.toString();
        List<Object> baseParameters = List.copyOf(parameters);
        sql.setLength(0);
        if (query.after().isPresent() && query.order().field() != DeviceField.ID) {
            afterCursor(select + base, baseParameters, sortKey, query.after().get());
            return;
        }
        String direction = direction();
        sql.append(select).append(base);
        query.after().ifPresent(cursor -> {
            sql.append(" AND id").append(after());
            parameters.add(cursor.id());
        });
        sql.append(" ORDER BY ");
        if (query.order().field() != DeviceField.ID) {
            sql.append(sortKey).append(direction).append(", ");
        }
        sql.append("id").append(direction).append(" LIMIT ?");
        parameters.add(query.limit() + 1);
    }

    /** The rest of the cursor's tie, then the keys after it: two index seeks, merged (see the class comment). */
    private void afterCursor(String filtered, List<Object> baseParameters, String sortKey, DeviceCursor cursor) {
        String direction = direction();
        sql.append("SELECT * FROM (").append(filtered).append(" AND ").append(sortKey).append(" = ? AND id")
                .append(after()).append(" ORDER BY id").append(direction).append(" LIMIT ?) AS ties UNION ALL ")
                .append("SELECT * FROM (").append(filtered).append(" AND ").append(sortKey).append(after())
                .append(" ORDER BY ").append(sortKey).append(direction).append(", id").append(direction)
                .append(" LIMIT ?) AS rest ORDER BY sort_key").append(direction).append(", id").append(direction)
                .append(" LIMIT ?");
        parameters.add(sortKeyParameter(cursor.key()));
        parameters.add(cursor.id());
        parameters.add(query.limit() + 1);
        parameters.addAll(baseParameters);
        parameters.add(sortKeyParameter(cursor.key()));
        parameters.add(query.limit() + 1);
        parameters.add(query.limit() + 1);
    }

    private String direction() {
        return query.order().direction() == ListOrdering.Direction.DESC ? " DESC" : "";
    }

    /** The keyset comparison that means "after" in this order. */
    private String after() {
        return query.order().direction() == ListOrdering.Direction.DESC ? " < ?" : " > ?";
    }

    /** The organization scope and the filter, as {@code AND ...} terms. */
    private void scope() {
        query.organizations().ifPresent(orgs -> {
            sql.append(" AND organization IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(orgs.size(), "?"))).append(')');
            orgs.stream().sorted().forEach(parameters::add);
        });
        query.filter().ifPresent(filter -> {
            sql.append(" AND ");
            condition(filter);
        });
    }

    private void condition(ListFilter<DeviceField> filter) {
        switch (filter) {
            case ListFilter.Compare<DeviceField> c -> compare(c.field(), c.op(), c.value());
            case ListFilter.Match<DeviceField> m -> match(m.function(), m.field(), m.text());
            case ListFilter.And<DeviceField> a -> binary(a.left(), " AND ", a.right());
            case ListFilter.Or<DeviceField> o -> binary(o.left(), " OR ", o.right());
            case ListFilter.Not<DeviceField> n -> {
                sql.append("(NOT ");
                condition(n.operand());
                sql.append(')');
            }
        }
    }

    private void binary(ListFilter<DeviceField> left, String operator, ListFilter<DeviceField> right) {
        sql.append('(');
        condition(left);
        sql.append(operator);
        condition(right);
        sql.append(')');
    }

    /** Two-valued: an absent column equals only NULL and never orders (see {@link ListFilter}). */
    private void compare(DeviceField field, Op op, ListLiteral value) {
        String column = column(field);
        if (value instanceof ListLiteral.Null) {
            sql.append(column).append(op == Op.EQ ? " IS NULL" : " IS NOT NULL");
            return;
        }
        String test = column + " " + operator(op) + " ?";
        if (!field.nullable()) {
            sql.append(test);
        } else if (op == Op.NE) {
            sql.append('(').append(column).append(" IS NULL OR ").append(test).append(')');
        } else {
            sql.append('(').append(column).append(" IS NOT NULL AND ").append(test).append(')');
        }
        parameters.add(parameter(value));
    }

    /** Case-insensitive LIKE; the user's text has its wildcards escaped. */
    private void match(TextMatch function, DeviceField field, String text) {
        String column = column(field);
        sql.append('(').append(column).append(" IS NOT NULL AND lower(").append(column).append(")")
                .append(LIKE).append(')');
        parameters.add(likePattern(function, text));
    }

    /** A case-insensitive LIKE against the bound pattern of {@link #likePattern}. */
    static final String LIKE = " LIKE lower(?) ESCAPE '\\'";

    /** The LIKE pattern of a text match, the text's own wildcards escaped. */
    static String likePattern(TextMatch function, String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return switch (function) {
            case CONTAINS -> "%" + escaped + "%";
            case STARTSWITH -> escaped + "%";
            case ENDSWITH -> "%" + escaped;
        };
    }

    /** The SQL comparison operator of {@code op}. */
    static String operator(Op op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
        };
    }

    private static Object parameter(ListLiteral value) {
        return switch (value) {
            case ListLiteral.Null n -> throw new IllegalStateException("NULL is compared with IS [NOT] NULL");
            case ListLiteral.Text t -> t.value();
            case ListLiteral.Bool b -> b.value();
            case ListLiteral.Time t -> t.value().toEpochMilli();
        };
    }

    private static Object sortKeyParameter(ListLiteral key) {
        return key instanceof ListLiteral.Null ? -1L : parameter(key);
    }

    private static String column(DeviceField field) {
        return switch (field) {
            case ID -> "id";
            case DISPLAY_NAME -> "display_name";
            case TEMPLATE -> "template";
            case ENABLED -> "enabled";
            case PROVISIONED -> "provisioned";
            case SIMULATED -> "simulated";
            case ORGANIZATIONS -> "organization";
            case CONNECTED -> "connected";
            case LAST_ACTIVITY -> "last_activity";
        };
    }

    /** The ORDER BY expression of a field; must match the V7 index expressions exactly. */
    private String sortKey(DeviceField field) {
        String collate = dialect == Dialect.POSTGRES ? " COLLATE \"C\"" : "";
        return switch (field) {
            case DISPLAY_NAME -> "lower(display_name)" + collate;
            case TEMPLATE -> "COALESCE(template, '')" + collate;
            case LAST_ACTIVITY -> "COALESCE(last_activity, -1)";
            case ID, ENABLED, PROVISIONED, SIMULATED, CONNECTED, ORGANIZATIONS -> column(field);
        };
    }

    private ListLiteral sortKey(ResultSet row) throws SQLException {
        return switch (query.order().field().type()) {
            case TEXT -> new ListLiteral.Text(row.getString("sort_key"));
            case BOOLEAN -> new ListLiteral.Bool(row.getBoolean("sort_key"));
            case INSTANT -> {
                long millis = row.getLong("sort_key");
                yield millis < 0 ? new ListLiteral.Null() : new ListLiteral.Time(java.time.Instant.ofEpochMilli(millis));
            }
        };
    }
}
