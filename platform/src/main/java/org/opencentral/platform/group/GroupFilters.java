package org.opencentral.platform.group;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.filter.Op;
import org.opencentral.core.group.MemberFilter;
import org.opencentral.platform.query.CapabilityCatalog;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.QueryParser;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.SourcePosition;
import org.opencentral.platform.query.ast.SystemField;

/**
 * Turns a device group's filter, IoT Central's device query {@code SELECT * FROM devices [WHERE …]},
 * into a {@link MemberFilter}. The condition compares device metadata ({@code $id},
 * {@code $displayName}, {@code $template}, {@code $enabled}, {@code $provisioned}, {@code $simulated})
 * and property values (reported or cloud; {@code component.name} and object members by dots) with
 * literals, joined by AND, OR and NOT, with IN lists and {@code contains}/{@code startswith}/
 * {@code endswith}. Every problem is a {@link QueryException} (400) whose message starts with its
 * position. Thread-safe and stateless.
 */
public final class GroupFilters {
    private final QueryParser parser;
    private final QueryLimits limits;
    private final CapabilityCatalog catalog;

    public GroupFilters(QueryLimits limits, CapabilityCatalog catalog) {
        this.limits = Objects.requireNonNull(limits);
        this.parser = new QueryParser(limits);
        this.catalog = Objects.requireNonNull(catalog);
    }

    /** The membership condition of a stored filter (its names are not checked against templates again). */
    public MemberFilter parse(String filter) {
        return parser.parseDeviceQuery(filter).map(this::condition).orElse(MemberFilter.ALL);
    }

    /**
     * Checks a filter about to be saved: {@link #parse} and, when its top-level conditions name a
     * template ({@code $template = "…" AND …}), that the template exists and that every property
     * name is a property or cloud property of it.
     */
    public MemberFilter check(String filter) {
        Optional<WhereCondition> where = parser.parseDeviceQuery(filter);
        MemberFilter parsed = where.map(this::condition).orElse(MemberFilter.ALL);
        where.ifPresent(condition -> new TemplateNames(catalog).check(condition));
        return parsed;
    }

    /**
     * Checks a filter of the devices of one {@code template} (a rule's): {@link #check} and, whether
     * or not the filter names the template, that every property name is one of the template's.
     */
    public MemberFilter check(String filter, String template) {
        MemberFilter parsed = check(filter);
        parser.parseDeviceQuery(filter).ifPresent(condition -> new TemplateNames(catalog).check(condition, template));
        return parsed;
    }

    private MemberFilter condition(WhereCondition condition) {
        return switch (condition) {
            case WhereCondition.And and -> new MemberFilter.All(and.operands().stream().map(this::condition).toList());
            case WhereCondition.Or or -> new MemberFilter.Any(or.operands().stream().map(this::condition).toList());
            case WhereCondition.Not not -> new MemberFilter.Not(condition(not.operand()));
            case WhereCondition.Comparison c -> compare(operand(c.left()), c.operator(), c.right(), c.position());
            case WhereCondition.In in -> in(in);
            case WhereCondition.TextMatch m -> match(m);
            case WhereCondition.WithinWindow w -> throw new QueryException(w.position(),
                    "WITHIN_WINDOW is for telemetry queries; a device group filter reads device metadata and properties");
        };
    }

    private MemberFilter in(WhereCondition.In in) {
        if (in.values().size() > limits.maxInListSize()) {
            throw new QueryException(in.position(), "IN has " + in.values().size() + " values; the maximum is "
                    + limits.maxInListSize());
        }
        MemberFilter.Operand operand = operand(in.left());
        return new MemberFilter.Any(in.values().stream()
                .map(value -> compare(operand, ComparisonOperator.EQ, value, in.position())).toList());
    }

    private MemberFilter match(WhereCondition.TextMatch m) {
        MemberFilter.Operand operand = operand(m.target());
        if (operand instanceof MemberFilter.Metadata field && !isText(field)) {
            throw new QueryException(m.position(), m.function().wireName() + "() needs text, and "
                    + name(field) + " is true or false");
        }
        return new MemberFilter.Match(m.function(), operand, m.text());
    }

    private static MemberFilter compare(MemberFilter.Operand operand, ComparisonOperator operator, QueryLiteral literal,
            SourcePosition at) {
        MemberFilter.Value value = value(literal);
        Op op = op(operator);
        if ((value instanceof MemberFilter.Null || value instanceof MemberFilter.Bool) && op.ordering()) {
            throw new QueryException(at, "null, true and false can only be compared with = or !=");
        }
        if (operand instanceof MemberFilter.Metadata field) {
            checkMetadata(field, op, value, at);
        }
        return new MemberFilter.Compare(operand, op, value);
    }

    private static void checkMetadata(MemberFilter.Metadata field, Op op, MemberFilter.Value value,
            SourcePosition at) {
        String name = name(field);
        if (isText(field)) {
            boolean nullable = field == MemberFilter.Metadata.TEMPLATE;
            if (!(value instanceof MemberFilter.Text) && !(nullable && value instanceof MemberFilter.Null)) {
                throw new QueryException(at, name + " must be compared with a string");
            }
        } else if (!(value instanceof MemberFilter.Bool) || op.ordering()) {
            throw new QueryException(at, name + " can only be compared with true or false, using = or !=");
        }
    }

    private static boolean isText(MemberFilter.Metadata field) {
        return switch (field) {
            case ID, DISPLAY_NAME, TEMPLATE, ORGANIZATION -> true;
            case ENABLED, PROVISIONED, SIMULATED, CONNECTED -> false;
        };
    }

    private static MemberFilter.Operand operand(Expr expr) {
        return switch (expr) {
            case Expr.Name name -> new MemberFilter.Property(name.parts());
            case Expr.Builtin builtin -> switch (builtin.field()) {
                case ID -> MemberFilter.Metadata.ID;
                case DISPLAY_NAME -> MemberFilter.Metadata.DISPLAY_NAME;
                case TEMPLATE -> MemberFilter.Metadata.TEMPLATE;
                case ENABLED -> MemberFilter.Metadata.ENABLED;
                case PROVISIONED -> MemberFilter.Metadata.PROVISIONED;
                case SIMULATED -> MemberFilter.Metadata.SIMULATED;
                case TS -> throw new QueryException(builtin.position(),
                        "$ts is the time of telemetry; a device group filter reads device metadata and properties");
            };
            case Expr.Aggregate aggregate -> throw new QueryException(aggregate.position(),
                    "aggregates are for telemetry queries, not device group filters");
        };
    }

    private static String name(MemberFilter.Metadata field) {
        return switch (field) {
            case ID -> SystemField.ID.text();
            case DISPLAY_NAME -> SystemField.DISPLAY_NAME.text();
            case TEMPLATE -> SystemField.TEMPLATE.text();
            case ENABLED -> SystemField.ENABLED.text();
            case PROVISIONED -> SystemField.PROVISIONED.text();
            case SIMULATED -> SystemField.SIMULATED.text();
            case ORGANIZATION -> "organization";
            case CONNECTED -> "connected";
        };
    }

    private static MemberFilter.Value value(QueryLiteral literal) {
        return switch (literal) {
            case QueryLiteral.Num n -> new MemberFilter.Number(n.value());
            case QueryLiteral.Str s -> new MemberFilter.Text(s.value());
            case QueryLiteral.Bool b -> new MemberFilter.Bool(b.value());
            case QueryLiteral.Null n -> new MemberFilter.Null();
        };
    }

    private static Op op(ComparisonOperator operator) {
        return switch (operator) {
            case EQ -> Op.EQ;
            case NE -> Op.NE;
            case GT -> Op.GT;
            case LT -> Op.LT;
            case GE -> Op.GE;
            case LE -> Op.LE;
        };
    }
}
