package org.opencentral.platform.query.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.SourcePosition;
import org.opencentral.platform.query.ast.SystemField;

/** Which literals suit which values: strings for ids, timestamps for $ts, booleans for flags. */
final class LiteralRules {
    private LiteralRules() {
    }

    static void checkComparison(ValueRef value, ComparisonOperator op, QueryLiteral literal, SourcePosition at) {
        switch (value) {
            case ValueRef.Builtin b -> checkBuiltin(b.field(), op, literal, at);
            case ValueRef.Capability c -> {
                if (!op.isEquality() && (literal instanceof QueryLiteral.Bool || literal instanceof QueryLiteral.Null)) {
                    throw QueryErrors.at(at, "'" + c.path() + "' can be compared with " + describe(literal)
                            + " only with = or !=");
                }
            }
            case ValueRef.Aggregate a -> throw new IllegalStateException("aggregate in a filter: " + a);
        }
    }

    private static void checkBuiltin(SystemField field, ComparisonOperator op, QueryLiteral literal, SourcePosition at) {
        switch (field) {
            case ID, DISPLAY_NAME, TEMPLATE -> requireString(field, literal, at);
            case TS -> requireTimestamp(literal, at);
            case PROVISIONED, SIMULATED, ENABLED -> {
                if (!(literal instanceof QueryLiteral.Bool) || !op.isEquality()) {
                    throw QueryErrors.at(at, field.text() + " can only be compared with true or false, using = or !=");
                }
            }
        }
    }

    static void requireString(SystemField field, QueryLiteral literal, SourcePosition at) {
        if (!(literal instanceof QueryLiteral.Str)) {
            throw QueryErrors.at(at, field.text() + " must be compared with a string, not " + describe(literal));
        }
    }

    private static void requireTimestamp(QueryLiteral literal, SourcePosition at) {
        String problem = "$ts must be compared with an ISO-8601 timestamp string such as '2021-06-13T13:00:00Z', not ";
        if (!(literal instanceof QueryLiteral.Str s)) {
            throw QueryErrors.at(at, problem + describe(literal));
        }
        try {
            OffsetDateTime.parse(s.value());
        } catch (DateTimeParseException e) {
            throw QueryErrors.at(at, problem + describe(literal));
        }
    }

    static String describe(QueryLiteral literal) {
        return switch (literal) {
            case QueryLiteral.Num n -> n.value().toString();
            case QueryLiteral.Str s -> "'" + (s.value().length() > 40 ? s.value().substring(0, 40) + "…" : s.value()) + "'";
            case QueryLiteral.Bool b -> Boolean.toString(b.value());
            case QueryLiteral.Null n -> "null";
        };
    }
}
