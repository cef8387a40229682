package org.opencentral.platform.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.platform.query.ast.AggregateFunction;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.SourcePosition;
import org.opencentral.platform.query.ast.SystemField;

/**
 * Parses what a query reads: {@code name}, dotted names ({@code component.name}, {@code location.lat}),
 * {@code $id}, {@code AVG(name)}.
 */
final class ExprParser {
    private static final String AGGREGATES = "AVG, SUM, COUNT, MIN, MAX, FIRST or LAST";
    private final TokenCursor cursor;

    ExprParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** Whether the current token can start an expression. */
    boolean atExpr() {
        QueryToken token = cursor.peek();
        return token.kind() == TokenKind.SYSTEM_NAME
                || (token.kind() == TokenKind.IDENTIFIER && !token.isReserved());
    }

    Expr expr(String expected) {
        QueryToken token = cursor.peek();
        if (token.kind() == TokenKind.SYSTEM_NAME) {
            return builtin(cursor.take());
        }
        if (!atExpr()) {
            throw cursor.expected(expected);
        }
        if (cursor.peek(1).kind() == TokenKind.LPAREN) {
            return aggregate();
        }
        return name("a name");
    }

    Expr.Name name(String expected) {
        QueryToken first = cursor.peek();
        if (first.kind() != TokenKind.IDENTIFIER || first.isReserved()) {
            throw cursor.expected(expected);
        }
        cursor.take();
        List<String> parts = new ArrayList<>(List.of(first.text()));
        while (cursor.accept(TokenKind.DOT)) {
            QueryToken next = cursor.peek();
            if (next.kind() != TokenKind.IDENTIFIER || next.isReserved()) {
                throw cursor.expected("a capability name after '" + String.join(".", parts) + ".'");
            }
            parts.add(cursor.take().text());
        }
        return new Expr.Name(parts, cursor.position(first));
    }

    private Expr builtin(QueryToken token) {
        SystemField field = SystemField.fromText(token.text()).orElseThrow(() -> cursor.error(token,
                "unknown name " + token.describe() + "; expected $id, $ts, $provisioned, $simulated, $enabled, $displayName or $template"));
        return new Expr.Builtin(field, cursor.position(token));
    }

    private Expr aggregate() {
        QueryToken nameToken = cursor.take();
        AggregateFunction function = AggregateFunction.fromText(nameToken.text()).orElseThrow(() ->
                cursor.error(nameToken, "unknown function " + nameToken.describe() + "; expected " + AGGREGATES));
        cursor.take();
        Optional<Expr.Name> argument;
        if (function == AggregateFunction.COUNT && cursor.accept(TokenKind.STAR)) {
            argument = Optional.empty();
        } else {
            argument = Optional.of(name("a telemetry name"));
        }
        cursor.expect(TokenKind.RPAREN, "')'");
        return new Expr.Aggregate(function, argument, cursor.position(nameToken));
    }
}
