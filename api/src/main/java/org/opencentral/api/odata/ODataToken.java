package org.opencentral.api.odata;

import java.util.Objects;

/** A lexical token of a {@code $filter}; {@code position} is the 1-based index of its first character. */
record ODataToken(Kind kind, String text, int position) {
    enum Kind {
        /** An identifier or keyword: field names, operators, functions, true/false/null. */
        WORD,
        /** A quoted string; {@code text} is its value with {@code ''} unescaped. */
        STRING,
        /** An unquoted number or date-time, e.g. {@code 42} or {@code 2026-11-26T10:00:00Z}. */
        NUMBER,
        OPEN, CLOSE, COMMA, COLON, SLASH, END
    }

    ODataToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1");
        }
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the expression";
            case STRING -> "the string '" + text.replace("'", "''") + "'";
            case WORD, NUMBER, OPEN, CLOSE, COMMA, COLON, SLASH -> "'" + text + "'";
        };
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }
}
