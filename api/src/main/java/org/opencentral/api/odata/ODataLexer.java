package org.opencentral.api.odata;

import java.util.ArrayList;
import java.util.List;
import org.opencentral.core.DomainException;

/** Splits a {@code $filter} into {@link ODataToken}s; BAD_REQUEST for a character no token starts with. */
final class ODataLexer {
    private final String parameter;
    private final String text;
    private final List<ODataToken> tokens = new ArrayList<>();
    private int at;

    private ODataLexer(String parameter, String text) {
        this.parameter = parameter;
        this.text = text;
    }

    static List<ODataToken> tokens(String parameter, String text) {
        ODataLexer lexer = new ODataLexer(parameter, text);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (at < text.length()) {
            char c = text.charAt(at);
            int start = at;
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '\'') {
                tokens.add(new ODataToken(ODataToken.Kind.STRING, string(), start + 1));
            } else if (Character.isLetter(c) || c == '_') {
                at++;
                tokens.add(new ODataToken(ODataToken.Kind.WORD, c + run(ODataLexer::isWordPart), start + 1));
            } else if (Character.isDigit(c) || c == '-' && at + 1 < text.length()
                    && Character.isDigit(text.charAt(at + 1))) {
                at++;
                tokens.add(new ODataToken(ODataToken.Kind.NUMBER, c + run(ODataLexer::isNumberPart), start + 1));
            } else {
                tokens.add(new ODataToken(punctuation(c, start), String.valueOf(c), start + 1));
                at++;
            }
        }
        tokens.add(new ODataToken(ODataToken.Kind.END, "", text.length() + 1));
    }

    private ODataToken.Kind punctuation(char c, int start) {
        return switch (c) {
            case '(' -> ODataToken.Kind.OPEN;
            case ')' -> ODataToken.Kind.CLOSE;
            case ',' -> ODataToken.Kind.COMMA;
            case ':' -> ODataToken.Kind.COLON;
            case '/' -> ODataToken.Kind.SLASH;
            default -> throw DomainException.badRequest(parameter + ": unexpected character '" + c + "' at position "
                    + (start + 1) + "; expected a field, a function, a literal or a parenthesis");
        };
    }

    /** A quoted string starting at {@code at}; {@code ''} stands for one quote. */
    private String string() {
        int start = at;
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c != '\'') {
                value.append(c);
            } else if (at < text.length() && text.charAt(at) == '\'') {
                value.append('\'');
                at++;
            } else {
                return value.toString();
            }
        }
        throw DomainException.badRequest(parameter + ": the string starting at position " + (start + 1)
                + " is not closed; expected a closing ' (write '' for a quote inside a string)");
    }

    private String run(java.util.function.IntPredicate part) {
        int start = at;
        while (at < text.length() && part.test(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private static boolean isWordPart(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isNumberPart(int c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '-' || c == '+';
    }
}
