package org.opencentral.api.odata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.filter.ListField;
import org.opencentral.core.filter.ListFilter;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.Op;
import org.opencentral.core.filter.TextMatch;
import org.opencentral.core.filter.ValueType;

/**
 * Parses OData {@code $filter} text by recursive descent:
 * <pre>
 * or      := and ('or' and)*
 * and     := unary ('and' unary)*
 * unary   := 'not' unary | primary
 * primary := '(' or ')'
 *          | ('contains' | 'startswith' | 'endswith') '(' field ',' string ')'
 *          | field '/any(' var ':' var op literal ')'
 *          | field op literal
 * literal := string | true | false | null | number | date-time
 * </pre>
 * Keywords are lower case, as in OData. Literals are checked against the field's type. Expressions
 * are bounded ({@value #MAX_LENGTH} characters, {@value #MAX_DEPTH} levels of nesting,
 * {@value #MAX_CONDITIONS} conditions) so no input can exhaust the stack or build huge SQL.
 */
public final class FilterParser<F extends ListField> {
    public static final String PARAMETER = "$filter";
    static final int MAX_LENGTH = 2000;
    static final int MAX_DEPTH = 32;
    static final int MAX_CONDITIONS = 100;

    private final Fields<F> fields;
    private final List<ODataToken> tokens;
    private int next;
    private int depth;
    private int conditions;

    private FilterParser(Fields<F> fields, List<ODataToken> tokens) {
        this.fields = fields;
        this.tokens = tokens;
    }

    /** The filter {@code text} means over {@code fields}; BAD_REQUEST naming position and expectation. */
    public static <F extends ListField> ListFilter<F> parse(String text, Fields<F> fields) {
        java.util.Objects.requireNonNull(fields, "fields");
        if (text.length() > MAX_LENGTH) {
            throw DomainException.badRequest(PARAMETER + " is longer than " + MAX_LENGTH + " characters");
        }
        FilterParser<F> parser = new FilterParser<>(fields, ODataLexer.tokens(PARAMETER, text));
        ListFilter<F> filter = parser.or();
        parser.expect(ODataToken.Kind.END, "'and', 'or' or the end of the expression");
        return filter;
    }

    private ListFilter<F> or() {
        ListFilter<F> left = and();
        while (peek().isWord("or")) {
            next++;
            left = new ListFilter.Or<>(left, and());
        }
        return left;
    }

    private ListFilter<F> and() {
        ListFilter<F> left = unary();
        while (peek().isWord("and")) {
            next++;
            left = new ListFilter.And<>(left, unary());
        }
        return left;
    }

    private ListFilter<F> unary() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "at most " + MAX_DEPTH + " levels of nesting");
        }
        ListFilter<F> result;
        if (peek().isWord("not")) {
            next++;
            result = new ListFilter.Not<>(unary());
        } else {
            result = primary();
        }
        depth--;
        return result;
    }

    private ListFilter<F> primary() {
        ODataToken token = peek();
        if (token.kind() == ODataToken.Kind.OPEN) {
            next++;
            ListFilter<F> inner = or();
            expect(ODataToken.Kind.CLOSE, "')' or a logical operator ('and', 'or')");
            return inner;
        }
        if (++conditions > MAX_CONDITIONS) {
            throw error(token, "at most " + MAX_CONDITIONS + " conditions");
        }
        Optional<TextMatch> function = textMatch(token);
        if (function.isPresent() && tokens.get(next + 1).kind() == ODataToken.Kind.OPEN) {
            return match(function.get());
        }
        F field = field();
        if (peek().kind() == ODataToken.Kind.SLASH) {
            return any(field);
        }
        return comparison(field);
    }

    private ListFilter<F> match(TextMatch function) {
        next += 2;
        ODataToken fieldToken = peek();
        F field = field();
        expect(ODataToken.Kind.COMMA, "',' and the text to look for");
        ODataToken text = take();
        if (text.kind() != ODataToken.Kind.STRING) {
            throw error(text, "a quoted string ('...')");
        }
        expect(ODataToken.Kind.CLOSE, "')'");
        if (field.type() != ValueType.TEXT) {
            throw error(fieldToken, "a text field for " + function.wireName() + " ("
                    + fields.names(f -> f.type() == ValueType.TEXT) + ")");
        }
        return new ListFilter.Match<>(function, field, text.text());
    }

    /** {@code organizations/any(o: o eq 'x')}: the collection holds a value comparing true. */
    private ListFilter<F> any(F field) {
        next++;
        ODataToken any = take();
        if (!any.isWord("any")) {
            throw error(any, "'any' after '/'");
        }
        expect(ODataToken.Kind.OPEN, "'(' after 'any'");
        ODataToken variable = take();
        if (variable.kind() != ODataToken.Kind.WORD) {
            throw error(variable, "a lambda variable name");
        }
        expect(ODataToken.Kind.COLON, "':' after the lambda variable");
        ODataToken use = take();
        if (!use.isWord(variable.text())) {
            throw error(use, "the lambda variable '" + variable.text() + "'");
        }
        ListFilter<F> comparison = comparison(field);
        expect(ODataToken.Kind.CLOSE, "')' closing 'any('");
        return comparison;
    }

    private ListFilter<F> comparison(F field) {
        ODataToken opToken = take();
        Op op = opToken.kind() == ODataToken.Kind.WORD ? operator(opToken.text()).orElse(null) : null;
        if (op == null) {
            throw error(opToken, "a comparison operator (eq, ne, gt, ge, lt, le)");
        }
        ODataToken valueToken = take();
        ListLiteral value = literal(valueToken, field);
        try {
            return new ListFilter.Compare<>(field, op, value);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest(PARAMETER + ": " + e.getMessage() + " (at position "
                    + valueToken.position() + ")");
        }
    }

    private ListLiteral literal(ODataToken token, F field) {
        if (token.isWord("null")) {
            return new ListLiteral.Null();
        }
        return switch (field.type()) {
            case TEXT -> {
                if (token.kind() != ODataToken.Kind.STRING) {
                    throw error(token, "a quoted string for " + field.wireName());
                }
                yield new ListLiteral.Text(token.text());
            }
            case BOOLEAN -> {
                if (!token.isWord("true") && !token.isWord("false")) {
                    throw error(token, "true or false for " + field.wireName());
                }
                yield new ListLiteral.Bool(token.isWord("true"));
            }
            case INSTANT -> {
                if (token.kind() != ODataToken.Kind.NUMBER && token.kind() != ODataToken.Kind.STRING) {
                    throw error(token, "a date-time such as 2026-11-26T10:00:00Z for " + field.wireName());
                }
                yield new ListLiteral.Time(instant(token, field));
            }
        };
    }

    private Instant instant(ODataToken token, F field) {
        try {
            return OffsetDateTime.parse(token.text()).toInstant();
        } catch (DateTimeParseException e) {
            throw error(token, "a date-time such as 2026-11-26T10:00:00Z for " + field.wireName());
        }
    }

    private F field() {
        ODataToken token = take();
        if (token.kind() != ODataToken.Kind.WORD) {
            throw error(token, "a field name (" + fields.names(f -> true) + ")");
        }
        return fields.find(token.text()).orElseThrow(() -> DomainException.badRequest(PARAMETER
                + ": unknown field '" + token.text() + "' at position " + token.position() + "; expected one of "
                + fields.names(f -> true)));
    }

    private static Optional<TextMatch> textMatch(ODataToken token) {
        if (token.kind() != ODataToken.Kind.WORD) {
            return Optional.empty();
        }
        return java.util.Arrays.stream(TextMatch.values()).filter(m -> m.wireName().equals(token.text())).findFirst();
    }

    private static Optional<Op> operator(String word) {
        return java.util.Arrays.stream(Op.values()).filter(op -> op.wireName().equals(word)).findFirst();
    }

    private void expect(ODataToken.Kind kind, String expected) {
        ODataToken token = take();
        if (token.kind() != kind) {
            throw error(token, expected);
        }
    }

    private ODataToken peek() {
        return tokens.get(next);
    }

    private ODataToken take() {
        ODataToken token = tokens.get(next);
        if (token.kind() != ODataToken.Kind.END) {
            next++;
        }
        return token;
    }

    private static DomainException error(ODataToken found, String expected) {
        return DomainException.badRequest(PARAMETER + ": expected " + expected + " at position " + found.position()
                + ", found " + found.describe());
    }
}
