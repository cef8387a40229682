package org.opencentral.platform.query.internal;

import java.util.ArrayList;
import java.util.List;
import org.opencentral.platform.query.QueryException;

/**
 * Splits query text into tokens. Every step consumes at least one character, so it always ends.
 * An identifier directly followed by {@code :} starts a template id ({@code dtmi:a:b;1}), which
 * runs to the next character outside {@code [A-Za-z0-9_:;.-]}.
 */
final class QueryLexer {
    private final String source;
    private int pos;

    QueryLexer(String source) {
        this.source = source;
    }

    static List<QueryToken> tokenize(String source) {
        return new QueryLexer(source).all();
    }

    private List<QueryToken> all() {
        List<QueryToken> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= source.length()) {
                tokens.add(new QueryToken(TokenKind.END, "", "", source.length()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private QueryToken next() {
        char c = source.charAt(pos);
        if (isNameStart(c)) {
            return nameOrTemplateId();
        }
        if (c == '$') {
            return systemName();
        }
        if (isDigit(c) || ((c == '-' || c == '+') && isDigit(charAt(pos + 1)))) {
            return number();
        }
        if (c == '\'' || c == '"') {
            return StringLexer.lex(source, pos, this::advanceTo);
        }
        return punctuation(c);
    }

    private QueryToken nameOrTemplateId() {
        int start = pos;
        while (pos < source.length() && isNamePart(source.charAt(pos))) {
            pos++;
        }
        if (charAt(pos) == ':') {
            while (pos < source.length() && isTemplateIdPart(source.charAt(pos))) {
                pos++;
            }
            return token(TokenKind.TEMPLATE_ID, start);
        }
        return token(TokenKind.IDENTIFIER, start);
    }

    private QueryToken systemName() {
        int start = pos++;
        if (!isNameStart(charAt(pos))) {
            throw QueryErrors.at(source, start, "expected a name after '$'");
        }
        while (pos < source.length() && isNamePart(source.charAt(pos))) {
            pos++;
        }
        return token(TokenKind.SYSTEM_NAME, start);
    }

    private QueryToken number() {
        int start = pos;
        if (source.charAt(pos) == '-' || source.charAt(pos) == '+') {
            pos++;
        }
        digits();
        if (charAt(pos) == '.' && isDigit(charAt(pos + 1))) {
            pos++;
            digits();
        }
        char e = charAt(pos);
        if ((e == 'e' || e == 'E') && exponentFollows()) {
            pos++;
            if (charAt(pos) == '+' || charAt(pos) == '-') {
                pos++;
            }
            digits();
        }
        if (isNamePart(charAt(pos))) {
            int end = pos;
            while (isNamePart(charAt(end))) {
                end++;
            }
            throw QueryErrors.at(source, start, "malformed number '" + source.substring(start, end) + "'");
        }
        return token(TokenKind.NUMBER, start);
    }

    private boolean exponentFollows() {
        char next = charAt(pos + 1);
        return isDigit(next) || ((next == '+' || next == '-') && isDigit(charAt(pos + 2)));
    }

    private void digits() {
        while (isDigit(charAt(pos))) {
            pos++;
        }
    }

    private QueryToken punctuation(char c) {
        int start = pos;
        String two = pos + 1 < source.length() ? source.substring(pos, pos + 2) : "";
        TokenKind twoCharKind = switch (two) {
            case "!=", "<>" -> TokenKind.NE;
            case "<=" -> TokenKind.LE;
            case ">=" -> TokenKind.GE;
            default -> null;
        };
        if (twoCharKind != null) {
            pos += 2;
            return token(twoCharKind, start);
        }
        TokenKind kind = single(c);
        if (kind == null) {
            throw unexpectedCharacter(start);
        }
        pos++;
        return token(kind, start);
    }

    private static TokenKind single(char c) {
        return switch (c) {
            case ',' -> TokenKind.COMMA;
            case '.' -> TokenKind.DOT;
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case '*' -> TokenKind.STAR;
            case '=' -> TokenKind.EQ;
            case '<' -> TokenKind.LT;
            case '>' -> TokenKind.GT;
            default -> null;
        };
    }

    private QueryException unexpectedCharacter(int at) {
        return QueryErrors.at(source, at, "unexpected character " + QueryErrors.describeChar(source.codePointAt(at)));
    }

    private QueryToken token(TokenKind kind, int start) {
        String text = source.substring(start, pos);
        return new QueryToken(kind, text, text, start);
    }

    private void advanceTo(int newPos) {
        pos = newPos;
    }

    private char charAt(int i) {
        return i < source.length() ? source.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static boolean isTemplateIdPart(char c) {
        return isNamePart(c) || c == ':' || c == ';' || c == '.' || c == '-';
    }
}
