package org.opencentral.platform.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.Literal;

/**
 * Comparisons of values (as literals) in Java, with SQL's rules where they matter: values of
 * different types never match, and a missing value matches only {@code = null}.
 */
final class Comparisons {
    /** Numbers, then strings, then booleans, missing values last. */
    static final Comparator<Literal> ORDER = Comparator.comparingInt(Comparisons::rank)
            .thenComparing(Comparisons::sameTypeCompare);

    private Comparisons() {
    }

    static boolean test(Literal value, ComparisonOperator op, Literal literal) {
        if (literal instanceof Literal.Null) {
            return (value instanceof Literal.Null) == (op == ComparisonOperator.EQ);
        }
        if (value instanceof Literal.Null || value.getClass() != literal.getClass()) {
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
    static Literal of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Literal.Null.INSTANCE;
        }
        if (node.isNumber()) {
            return new Literal.Num(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new Literal.Bool(node.booleanValue());
        }
        return new Literal.Str(node.isTextual() ? node.textValue() : node.toString());
    }

    private static int rank(Literal literal) {
        return switch (literal) {
            case Literal.Num n -> 0;
            case Literal.Str s -> 1;
            case Literal.Bool b -> 2;
            case Literal.Null n -> 3;
        };
    }

    private static int sameTypeCompare(Literal a, Literal b) {
        return switch (a) {
            case Literal.Num n -> n.value().compareTo(((Literal.Num) b).value());
            case Literal.Str s -> s.value().compareTo(((Literal.Str) b).value());
            case Literal.Bool f -> Boolean.compare(f.value(), ((Literal.Bool) b).value());
            case Literal.Null n -> 0;
        };
    }

}
