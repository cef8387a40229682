package org.opencentral.api.odata;

import java.util.List;
import org.opencentral.core.DomainException;
import org.opencentral.core.filter.Field;
import org.opencentral.core.filter.Ordering;

/** Parses OData {@code $orderby}: one sortable field, optionally followed by {@code asc} or {@code desc}. */
public final class OrderByParser {
    public static final String PARAMETER = "$orderby";

    private OrderByParser() {
    }

    public static <F extends Field> Ordering<F> parse(String text, Fields<F> fields) {
        List<Token> tokens = Lexer.tokens(PARAMETER, text);
        Token name = tokens.getFirst();
        if (name.kind() != Token.Kind.WORD) {
            throw error(name, "a field name (" + fields.names(F::sortable) + ")");
        }
        F field = fields.find(name.text()).filter(Field::sortable).orElseThrow(() -> DomainException.badRequest(
                PARAMETER + ": cannot order by '" + name.text() + "' (position " + name.position()
                        + "); expected one of " + fields.names(F::sortable)));
        Token direction = tokens.get(1);
        Ordering.Direction chosen = Ordering.Direction.ASC;
        int end = 1;
        if (direction.isWord("asc") || direction.isWord("desc")) {
            chosen = direction.isWord("asc") ? Ordering.Direction.ASC : Ordering.Direction.DESC;
            end = 2;
        } else if (direction.kind() != Token.Kind.END && direction.kind() != Token.Kind.COMMA) {
            throw error(direction, "'asc', 'desc' or the end of $orderby");
        }
        Token last = tokens.get(end);
        if (last.kind() == Token.Kind.COMMA) {
            throw DomainException.badRequest(PARAMETER + ": ordering by more than one field is not supported"
                    + " (position " + last.position() + "); ties are always broken by id");
        }
        if (last.kind() != Token.Kind.END) {
            throw error(last, "the end of $orderby");
        }
        return new Ordering<>(field, chosen);
    }

    private static DomainException error(Token found, String expected) {
        return DomainException.badRequest(PARAMETER + ": expected " + expected + " at position " + found.position()
                + ", found " + found.describe());
    }
}
