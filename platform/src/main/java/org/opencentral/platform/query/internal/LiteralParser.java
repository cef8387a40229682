package org.opencentral.platform.query.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.opencentral.platform.query.ast.IsoDuration;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.TimeWindow;

/** Parses constants: literals, durations and the argument of WITHIN_WINDOW. */
final class LiteralParser {
    private static final String LITERAL = "a number, a string, true, false or null";
    private static final BigDecimal MAX_NUMBER = new BigDecimal(Double.MAX_VALUE);
    private final TokenCursor cursor;

    LiteralParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    QueryLiteral literal() {
        QueryToken token = cursor.peek();
        return switch (token.kind()) {
            case NUMBER -> new QueryLiteral.Num(number(cursor.take()));
            case STRING -> new QueryLiteral.Str(cursor.take().value());
            case IDENTIFIER -> keywordLiteral(token);
            default -> throw cursor.expected(LITERAL);
        };
    }

    /** A number literal; out of the range of a double is an error, so every engine can bind it. */
    BigDecimal number(QueryToken token) {
        try {
            BigDecimal value = new BigDecimal(token.text());
            if (value.abs().compareTo(MAX_NUMBER) > 0) {
                throw outOfRange(token);
            }
            return value;
        } catch (NumberFormatException e) {
            throw outOfRange(token);
        }
    }

    private RuntimeException outOfRange(QueryToken token) {
        return cursor.error(token, "number " + token.describe() + " is out of range");
    }

    private QueryLiteral keywordLiteral(QueryToken token) {
        QueryLiteral literal;
        if (token.isKeyword("true")) {
            literal = QueryLiteral.Bool.TRUE;
        } else if (token.isKeyword("false")) {
            literal = QueryLiteral.Bool.FALSE;
        } else if (token.isKeyword("null")) {
            literal = QueryLiteral.Null.INSTANCE;
        } else {
            throw cursor.expected(LITERAL);
        }
        cursor.take();
        return literal;
    }

    /** {@code PT10M} or {@code 'PT10M'}. */
    IsoDuration duration() {
        QueryToken token = cursor.peek();
        if (token.kind() != TokenKind.IDENTIFIER && token.kind() != TokenKind.STRING) {
            throw cursor.expected("an ISO-8601 duration such as PT10M, P1D or P2DT12H");
        }
        return durationOf(cursor.take());
    }

    /** {@code P1D}, {@code 'P1D'} or {@code '2021-06-13T13:00:00Z/2021-06-13T15:30:00Z'}. */
    TimeWindow timeWindow() {
        QueryToken token = cursor.peek();
        if (token.kind() == TokenKind.STRING && token.value().contains("/")) {
            cursor.take();
            return between(token);
        }
        if (token.kind() != TokenKind.IDENTIFIER && token.kind() != TokenKind.STRING) {
            throw cursor.expected("a duration such as P1D or a quoted interval '<start>/<end>'");
        }
        return new TimeWindow.Recent(durationOf(cursor.take()));
    }

    private IsoDuration durationOf(QueryToken token) {
        String text = token.value();
        Duration value = Durations.parse(text).orElseThrow(() -> cursor.error(token,
                "invalid duration " + token.describe() + ": " + Durations.problem(text)));
        return new IsoDuration(text, value);
    }

    private TimeWindow between(QueryToken token) {
        String[] parts = token.value().split("/", -1);
        if (parts.length != 2) {
            throw intervalError(token);
        }
        return new TimeWindow.Between(instant(parts[0], token), instant(parts[1], token));
    }

    private Instant instant(String text, QueryToken token) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw intervalError(token);
        }
    }

    private RuntimeException intervalError(QueryToken token) {
        return cursor.error(token, "invalid interval " + token.describe()
                + ": expected '<start>/<end>' with ISO-8601 timestamps such as 2021-06-13T13:00:00Z");
    }
}
