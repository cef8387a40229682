package org.opencentral.platform.query.internal;

import java.util.function.IntConsumer;

/**
 * Lexes a quoted string. Either quote; escapes {@code \' \" \\ \/ \b \f \n \r \t \}{@code uXXXX},
 * and a doubled quote ({@code 'it''s'}) stands for one quote.
 */
final class StringLexer {
    private final String source;
    private final int start;
    private final char quote;
    private int pos;

    private StringLexer(String source, int start) {
        this.source = source;
        this.start = start;
        this.quote = source.charAt(start);
        this.pos = start + 1;
    }

    static QueryToken lex(String source, int start, IntConsumer advanceTo) {
        StringLexer lexer = new StringLexer(source, start);
        String value = lexer.body();
        advanceTo.accept(lexer.pos);
        return new QueryToken(TokenKind.STRING, source.substring(start, lexer.pos), value, start);
    }

    private String body() {
        StringBuilder value = new StringBuilder();
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (c == quote) {
                if (pos < source.length() && source.charAt(pos) == quote) {
                    value.append(quote);
                    pos++;
                    continue;
                }
                return value.toString();
            }
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
            }
        }
        throw QueryErrors.at(source, start, "unterminated string: expected a closing " + quote);
    }

    private char escape() {
        int at = pos - 1;
        if (pos >= source.length()) {
            throw QueryErrors.at(source, start, "unterminated string: expected a closing " + quote);
        }
        char c = source.charAt(pos++);
        return switch (c) {
            case '\'', '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode(at);
            default -> throw QueryErrors.at(source, at,
                    "invalid escape in string: '\\' followed by " + QueryErrors.describeChar(source.codePointAt(pos - 1)));
        };
    }

    private char unicode(int at) {
        if (pos + 4 > source.length()) {
            throw QueryErrors.at(source, at, "invalid escape: \\u needs four hex digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(source.charAt(pos + i), 16);
            if (digit < 0) {
                throw QueryErrors.at(source, at, "invalid escape: \\u needs four hex digits");
            }
            code = code * 16 + digit;
        }
        pos += 4;
        return (char) code;
    }
}
