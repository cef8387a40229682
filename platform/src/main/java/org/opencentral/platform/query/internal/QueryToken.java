package org.opencentral.platform.query.internal;

import java.util.Locale;
import java.util.Set;

/**
 * A token: its kind, its source text, its value (decoded for strings, the text otherwise) and
 * its start offset.
 */
record QueryToken(TokenKind kind, String text, String value, int offset) {

    /** Reserved words: never names. WINDOW, WITHIN_WINDOW and the aggregates are contextual. */
    static final Set<String> RESERVED = Set.of(
            "SELECT", "TOP", "FROM", "WHERE", "GROUP", "BY", "ORDER", "ASC", "DESC", "AS",
            "AND", "OR", "NOT", "IN", "TRUE", "FALSE", "NULL");

    private static final int SHOWN_CHARS = 40;

    boolean isKeyword(String keyword) {
        return kind == TokenKind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    boolean isReserved() {
        return kind == TokenKind.IDENTIFIER && RESERVED.contains(text.toUpperCase(Locale.ROOT));
    }

    /** How error messages show the token: {@code 'WHERE'}, a string as written, or {@code end of query}. */
    String describe() {
        if (kind == TokenKind.END) {
            return "end of query";
        }
        String shown = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "…" : text;
        return kind == TokenKind.STRING ? shown : "'" + shown + "'";
    }
}
