package org.opencentral.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.opencentral.core.filter.Op;
import org.opencentral.core.group.MemberFilter;

/**
 * A {@link MemberFilter} compiled to one parameterized boolean condition on the {@code devices}
 * table (its rows are named {@code devices}). Every user value, property path and component name
 * is a bind parameter; the SQL text holds only the fixed fragments below. Each leaf is wrapped in
 * {@code COALESCE(…, FALSE)}, so a condition is never NULL and {@code NOT} stays two-valued.
 *
 * <p>A property operand is read from the device's reported properties (the twin's JSON) at its
 * path, or from a cloud property: {@code a} is cloud property {@code a} of the default component,
 * {@code a.b} is property {@code b} of component {@code a} or member {@code b} of cloud property
 * {@code a}. A leaf over a property holds when any of these places holds a value passing it (the
 * names of one template never collide), and {@code eq null} when none holds a value. A typed
 * extraction guards every comparison with a {@code CASE} on the JSON type, so a value of another
 * type never matches and PostgreSQL never casts text to a number.
 */
final class MemberSql {
    private static final String REPORTED = "(SELECT tw.reported_properties FROM twins tw WHERE tw.device_id = devices.id)";
    private static final String CLOUD = "(SELECT cp.value FROM cloud_properties cp WHERE cp.device_id = devices.id "
            + "AND cp.component = ? AND cp.name = ?)";

    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private MemberSql(Dialect dialect) {
        this.dialect = dialect;
    }

    static MemberSql compile(MemberFilter filter, Dialect dialect) {
        MemberSql compiled = new MemberSql(dialect);
        compiled.condition(filter);
        return compiled;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> parameters() {
        return List.copyOf(parameters);
    }

    private void condition(MemberFilter filter) {
        switch (filter) {
            case MemberFilter.All all -> logical(all.operands(), " AND ", "1 = 1");
            case MemberFilter.Any any -> logical(any.operands(), " OR ", "1 = 0");
            case MemberFilter.Not not -> {
                sql.append("(NOT ");
                condition(not.operand());
                sql.append(')');
            }
            case MemberFilter.Compare compare -> leaf(() -> compare(compare));
            case MemberFilter.Match match -> leaf(() -> match(match));
        }
    }

    private void logical(List<MemberFilter> operands, String operator, String empty) {
        if (operands.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            sql.append(i == 0 ? "" : operator);
            condition(operands.get(i));
        }
        sql.append(')');
    }

    private void leaf(Runnable body) {
        sql.append("COALESCE(");
        body.run();
        sql.append(", ").append(dialect == Dialect.POSTGRES ? "FALSE" : "0").append(')');
    }

    private void compare(MemberFilter.Compare compare) {
        switch (compare.operand()) {
            case MemberFilter.Metadata field -> compareMetadata(field, compare.op(), compare.value());
            case MemberFilter.Property property -> {
                if (compare.value() instanceof MemberFilter.Null) {
                    absent(property, compare.op() == Op.EQ);
                } else {
                    places(property, place -> typed(place, compare.value(), DeviceListSql.operator(compare.op())));
                }
            }
        }
    }

    private void compareMetadata(MemberFilter.Metadata field, Op op, MemberFilter.Value value) {
        String column = column(field);
        switch (value) {
            case MemberFilter.Null n -> sql.append(column).append(op == Op.EQ ? " IS NULL" : " IS NOT NULL");
            case MemberFilter.Text t -> bind(column + textCollation() + " " + DeviceListSql.operator(op) + " ?", t.value());
            case MemberFilter.Bool b -> bind(column + " " + DeviceListSql.operator(op) + " ?", b.value());
            case MemberFilter.Number n -> sql.append("1 = 0");
        }
    }

    private void match(MemberFilter.Match match) {
        String pattern = DeviceListSql.likePattern(match.function(), match.text());
        String like = DeviceListSql.LIKE;
        switch (match.operand()) {
            case MemberFilter.Metadata field -> {
                if (field == MemberFilter.Metadata.ENABLED || field == MemberFilter.Metadata.PROVISIONED
                        || field == MemberFilter.Metadata.SIMULATED || field == MemberFilter.Metadata.CONNECTED) {
                    sql.append("1 = 0");
                } else {
                    bind("lower(" + column(field) + ")" + like, pattern);
                }
            }
            case MemberFilter.Property property -> places(property, place -> {
                sql.append("lower(");
                textValue(place);
                sql.append(')').append(like);
                parameters.add(pattern);
            });
        }
    }

    /**
     * Where a property may live: the reported properties, then the cloud properties it can name. A
     * place without the value tests NULL, which the leaf's {@code COALESCE} turns into false.
     */
    private record Place(String document, List<Object> documentParameters, List<String> path) {
    }

    private static List<Place> placesOf(MemberFilter.Property property) {
        List<String> path = property.path();
        List<Place> places = new ArrayList<>();
        places.add(new Place(REPORTED, List.of(), path));
        places.add(new Place(CLOUD, List.of("", path.get(0)), path.subList(1, path.size())));
        if (path.size() > 1) {
            places.add(new Place(CLOUD, List.of(path.get(0), path.get(1)), path.subList(2, path.size())));
        }
        return places;
    }

    private void places(MemberFilter.Property property, java.util.function.Consumer<Place> test) {
        List<Place> places = placesOf(property);
        sql.append('(');
        for (int i = 0; i < places.size(); i++) {
            sql.append(i == 0 ? "" : " OR ");
            test.accept(places.get(i));
        }
        sql.append(')');
    }

    /** {@code eq null}: no place holds a value (JSON null counts as none); {@code ne null}: some does. */
    private void absent(MemberFilter.Property property, boolean absent) {
        List<Place> places = placesOf(property);
        sql.append(absent ? "(" : "(NOT (");
        for (int i = 0; i < places.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append("COALESCE(");
            jsonType(places.get(i));
            sql.append(", 'null') = 'null'");
        }
        sql.append(absent ? ")" : "))");
    }

    /** {@code <typed value of place> op ?}; NULL when the value has another type. */
    private void typed(Place place, MemberFilter.Value value, String operator) {
        switch (value) {
            case MemberFilter.Number n -> {
                numberValue(place);
                sql.append(' ').append(operator).append(" ?");
                parameters.add(n.value().doubleValue());
            }
            case MemberFilter.Text t -> {
                textValue(place);
                sql.append(textCollation()).append(' ').append(operator).append(" ?");
                parameters.add(t.value());
            }
            case MemberFilter.Bool b -> {
                boolValue(place);
                sql.append(' ').append(operator).append(" ?");
                parameters.add(Boolean.toString(b.value()));
            }
            case MemberFilter.Null n -> throw new IllegalStateException("null is compared by absent()");
        }
    }

    private void numberValue(Place place) {
        if (dialect == Dialect.POSTGRES) {
            guard(place, "= 'number'");
            sql.append('(');
            pgPath(place, " #>> ");
            sql.append(")::double precision END");
        } else {
            guard(place, "IN ('integer', 'real')");
            sqliteValue(place);
            sql.append(" END");
        }
    }

    private void textValue(Place place) {
        if (dialect == Dialect.POSTGRES) {
            guard(place, "= 'string'");
            pgPath(place, " #>> ");
        } else {
            guard(place, "= 'text'");
            sqliteValue(place);
        }
        sql.append(" END");
    }

    /** Booleans as the text {@code 'true'} or {@code 'false'} on both engines. */
    private void boolValue(Place place) {
        if (dialect == Dialect.POSTGRES) {
            guard(place, "= 'boolean'");
            pgPath(place, " #>> ");
        } else {
            guard(place, "IN ('true', 'false')");
            jsonType(place);
        }
        sql.append(" END");
    }

    /** {@code CASE WHEN <JSON type> <typeTest> THEN }: the caller appends the value and {@code END}. */
    private void guard(Place place, String typeTest) {
        sql.append("CASE WHEN ");
        jsonType(place);
        sql.append(' ').append(typeTest).append(" THEN ");
    }

    private void sqliteValue(Place place) {
        sql.append("json_extract(");
        document(place);
        sql.append(", ?)");
        parameters.add(sqlitePath(place.path()));
    }

    /** The JSON type of the value at the place's path (NULL when there is none). */
    private void jsonType(Place place) {
        if (dialect == Dialect.POSTGRES) {
            sql.append("jsonb_typeof(");
            pgPath(place, " #> ");
            sql.append(')');
        } else {
            sql.append("json_type(");
            document(place);
            sql.append(", ?)");
            parameters.add(sqlitePath(place.path()));
        }
    }

    private void pgPath(Place place, String operator) {
        sql.append('(');
        document(place);
        sql.append("::jsonb").append(operator).append("CAST(? AS TEXT[]))");
        parameters.add("{" + String.join(",", place.path()) + "}");
    }

    private void document(Place place) {
        sql.append(place.document());
        parameters.addAll(place.documentParameters());
    }

    /** SQLite's JSON path; the parts are plain names ({@link MemberFilter.Property}), so they need no quoting. */
    private static String sqlitePath(List<String> path) {
        return path.isEmpty() ? "$" : "$." + String.join(".", path);
    }

    private void bind(String fragment, Object value) {
        sql.append(fragment);
        parameters.add(value);
    }

    private String textCollation() {
        return dialect == Dialect.POSTGRES ? " COLLATE \"C\"" : "";
    }

    private static String column(MemberFilter.Metadata field) {
        return switch (field) {
            case ID -> "devices.id";
            case DISPLAY_NAME -> "devices.display_name";
            case TEMPLATE -> "devices.template";
            case ENABLED -> "devices.enabled";
            case PROVISIONED -> "devices.provisioned";
            case SIMULATED -> "devices.simulated";
            case ORGANIZATION -> "devices.organization";
            case CONNECTED -> "devices.connected";
        };
    }
}
