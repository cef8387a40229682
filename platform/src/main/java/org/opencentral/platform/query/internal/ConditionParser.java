package org.opencentral.platform.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.filter.TextMatch;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.Condition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.Literal;
import org.opencentral.platform.query.ast.SourcePosition;

/**
 * WHERE conditions: {@code or := and (OR and)*}, {@code and := unary (AND unary)*},
 * {@code unary := NOT unary | '(' or ')' | WITHIN_WINDOW(…) | expr op literal | expr [NOT] IN list
 * | contains(expr, string) | startswith(…) | endswith(…)}.
 * Nesting of parentheses and NOT is capped, so recursion depth is bounded for any input.
 */
final class ConditionParser {
    private static final String CONDITION = "a condition";
    private final TokenCursor cursor;
    private final ExprParser exprs;
    private final LiteralParser literals;
    private final int maxDepth;
    private int depth;

    ConditionParser(TokenCursor cursor, ExprParser exprs, LiteralParser literals, int maxDepth) {
        this.cursor = cursor;
        this.exprs = exprs;
        this.literals = literals;
        this.maxDepth = maxDepth;
    }

    Condition condition() {
        SourcePosition start = cursor.position();
        List<Condition> operands = new ArrayList<>(List.of(and()));
        while (cursor.acceptKeyword("OR")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands, start);
    }

    private Condition and() {
        SourcePosition start = cursor.position();
        List<Condition> operands = new ArrayList<>(List.of(unary()));
        while (cursor.acceptKeyword("AND")) {
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.And(operands, start);
    }

    private Condition unary() {
        Token start = cursor.peek();
        if (start.isKeyword("NOT") || start.kind() == TokenKind.LPAREN) {
            enter(start);
            try {
                cursor.take();
                return start.kind() == TokenKind.LPAREN ? parenthesized() : new Condition.Not(unary(), cursor.position(start));
            } finally {
                depth--;
            }
        }
        if (start.isKeyword("WITHIN_WINDOW") && cursor.peek(1).kind() == TokenKind.LPAREN) {
            return withinWindow();
        }
        Optional<TextMatch> function = textFunction(start);
        if (function.isPresent() && cursor.peek(1).kind() == TokenKind.LPAREN) {
            return textMatch(function.get());
        }
        return predicate();
    }

    private void enter(Token at) {
        if (++depth > maxDepth) {
            throw cursor.error(at, "conditions are nested more than " + maxDepth + " levels deep");
        }
    }

    private Condition parenthesized() {
        Condition inner = condition();
        cursor.expect(TokenKind.RPAREN, "')', AND or OR");
        return inner;
    }

    private Condition withinWindow() {
        Token keyword = cursor.take();
        cursor.take();
        Condition.WithinWindow condition = new Condition.WithinWindow(literals.timeWindow(), cursor.position(keyword));
        cursor.expect(TokenKind.RPAREN, "')'");
        return condition;
    }

    private static Optional<TextMatch> textFunction(Token token) {
        return Arrays.stream(TextMatch.values()).filter(f -> token.isKeyword(f.wireName())).findFirst();
    }

    /** {@code contains(item, 'text')}: the item, a comma, then a string. */
    private Condition textMatch(TextMatch function) {
        Token name = cursor.take();
        cursor.take();
        Expr target = exprs.expr("a name or a $ name inside " + function.wireName() + "()");
        cursor.expect(TokenKind.COMMA, "','");
        Token text = cursor.peek();
        if (text.kind() != TokenKind.STRING) {
            throw cursor.expected("a string as the second argument of " + function.wireName() + "()");
        }
        cursor.take();
        cursor.expect(TokenKind.RPAREN, "')'");
        return new Condition.TextMatch(function, target, text.value(), cursor.position(name));
    }

    private Condition predicate() {
        if (!exprs.atExpr()) {
            throw cursor.expected(CONDITION);
        }
        Expr left = exprs.expr(CONDITION);
        Token operator = cursor.peek();
        if (operator.isKeyword("NOT") && cursor.peek(1).isKeyword("IN")) {
            cursor.take();
            return new Condition.Not(in(left), cursor.position(operator));
        }
        if (operator.isKeyword("IN")) {
            return in(left);
        }
        ComparisonOperator op = comparison(operator);
        cursor.take();
        return new Condition.Comparison(left, op, literals.literal(), left.position());
    }

    private ComparisonOperator comparison(Token token) {
        return switch (token.kind()) {
            case EQ -> ComparisonOperator.EQ;
            case NE -> ComparisonOperator.NE;
            case LT -> ComparisonOperator.LT;
            case GT -> ComparisonOperator.GT;
            case LE -> ComparisonOperator.LE;
            case GE -> ComparisonOperator.GE;
            default -> throw cursor.expected("a comparison (=, !=, <>, <, >, <=, >=) or IN");
        };
    }

    private Condition in(Expr left) {
        cursor.expectKeyword("IN");
        Token open = cursor.peek();
        if (open.kind() != TokenKind.LBRACKET && open.kind() != TokenKind.LPAREN) {
            throw cursor.expected("'[' or '(' after IN");
        }
        cursor.take();
        TokenKind close = open.kind() == TokenKind.LBRACKET ? TokenKind.RBRACKET : TokenKind.RPAREN;
        List<Literal> values = new ArrayList<>(List.of(literals.literal()));
        while (cursor.accept(TokenKind.COMMA)) {
            values.add(literals.literal());
        }
        cursor.expect(close, close == TokenKind.RBRACKET ? "',' or ']'" : "',' or ')'");
        return new Condition.In(left, values, left.position());
    }
}
