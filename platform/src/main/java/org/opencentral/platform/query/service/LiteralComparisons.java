package org.opencentral.platform.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.QueryLiteral;

/**
 * LiteralComparisons of values (as literals) in Java, with SQL's rules where they matter: values of
 * different types never match, and a missing value matches only {@code = null}.
 */
final class LiteralComparisons {
    /** Numbers, then strings, then booleans, missing values last. */
    static final Comparator<QueryLiteral> ORDER = Comparator.comparingInt(LiteralComparisons::rank)
            .thenComparing(LiteralComparisons::sameTypeCompare);

    private LiteralComparisons() {
    }

    static boolean test(QueryLiteral value, ComparisonOperator op, QueryLiteral literal) {
        if (literal instanceof QueryLiteral.Null) {
            return (value instanceof QueryLiteral.Null) == (op == ComparisonOperator.EQ);
        }
        if (value instanceof QueryLiteral.Null || value.getClass() != literal.getClass()) {
            return false;
        }
        int c = sameTypeCompare(value, literal);
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case GT -> c > 0;
            case LT -> c < 0;
            case GE -> c >= 0;
            case LE -> c <= 0;
        };
    }

    /** A JSON value as a literal: objects and arrays as their JSON text. */
    static QueryLiteral of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return QueryLiteral.Null.INSTANCE;
        }
        if (node.isNumber()) {
            return new QueryLiteral.Num(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new QueryLiteral.Bool(node.booleanValue());
        }
        return new QueryLiteral.Str(node.isTextual() ? node.textValue() : node.toString());
    }

    private static int rank(QueryLiteral literal) {
        return switch (literal) {
            case QueryLiteral.Num n -> 0;
            case QueryLiteral.Str s -> 1;
            case QueryLiteral.Bool b -> 2;
            case QueryLiteral.Null n -> 3;
        };
    }

    private static int sameTypeCompare(QueryLiteral a, QueryLiteral b) {
        return switch (a) {
            case QueryLiteral.Num n -> n.value().compareTo(((QueryLiteral.Num) b).value());
            case QueryLiteral.Str s -> s.value().compareTo(((QueryLiteral.Str) b).value());
            case QueryLiteral.Bool f -> Boolean.compare(f.value(), ((QueryLiteral.Bool) b).value());
            case QueryLiteral.Null n -> 0;
        };
    }

}
