package org.opencentral.platform.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.filter.TextMatch;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.QueryLiteral;
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

    WhereCondition condition() {
        SourcePosition start = cursor.position();
        List<WhereCondition> operands = new ArrayList<>(List.of(and()));
        while (cursor.acceptKeyword("OR")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new WhereCondition.Or(operands, start);
    }

    private WhereCondition and() {
        SourcePosition start = cursor.position();
        List<WhereCondition> operands = new ArrayList<>(List.of(unary()));
        while (cursor.acceptKeyword("AND")) {
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new WhereCondition.And(operands, start);
    }

    private WhereCondition unary() {
        QueryToken start = cursor.peek();
        if (start.isKeyword("NOT") || start.kind() == TokenKind.LPAREN) {
            enter(start);
            try {
                cursor.take();
                return start.kind() == TokenKind.LPAREN ? parenthesized() : new WhereCondition.Not(unary(), cursor.position(start));
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

    private void enter(QueryToken at) {
        if (++depth > maxDepth) {
            throw cursor.error(at, "conditions are nested more than " + maxDepth + " levels deep");
        }
    }

    private WhereCondition parenthesized() {
        WhereCondition inner = condition();
        cursor.expect(TokenKind.RPAREN, "')', AND or OR");
        return inner;
    }

    private WhereCondition withinWindow() {
        QueryToken keyword = cursor.take();
        cursor.take();
        WhereCondition.WithinWindow condition = new WhereCondition.WithinWindow(literals.timeWindow(), cursor.position(keyword));
        cursor.expect(TokenKind.RPAREN, "')'");
        return condition;
    }

    private static Optional<TextMatch> textFunction(QueryToken token) {
        return Arrays.stream(TextMatch.values()).filter(f -> token.isKeyword(f.wireName())).findFirst();
    }

    /** {@code contains(item, 'text')}: the item, a comma, then a string. */
    private WhereCondition textMatch(TextMatch function) {
        QueryToken name = cursor.take();
        cursor.take();
        Expr target = exprs.expr("a name or a $ name inside " + function.wireName() + "()");
        cursor.expect(TokenKind.COMMA, "','");
        QueryToken text = cursor.peek();
        if (text.kind() != TokenKind.STRING) {
            throw cursor.expected("a string as the second argument of " + function.wireName() + "()");
        }
        cursor.take();
        cursor.expect(TokenKind.RPAREN, "')'");
        return new WhereCondition.TextMatch(function, target, text.value(), cursor.position(name));
    }

    private WhereCondition predicate() {
        if (!exprs.atExpr()) {
            throw cursor.expected(CONDITION);
        }
        Expr left = exprs.expr(CONDITION);
        QueryToken operator = cursor.peek();
        if (operator.isKeyword("NOT") && cursor.peek(1).isKeyword("IN")) {
            cursor.take();
            return new WhereCondition.Not(in(left), cursor.position(operator));
        }
        if (operator.isKeyword("IN")) {
            return in(left);
        }
        ComparisonOperator op = comparison(operator);
        cursor.take();
        return new WhereCondition.Comparison(left, op, literals.literal(), left.position());
    }

    private ComparisonOperator comparison(QueryToken token) {
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

    private WhereCondition in(Expr left) {
        cursor.expectKeyword("IN");
        QueryToken open = cursor.peek();
        if (open.kind() != TokenKind.LBRACKET && open.kind() != TokenKind.LPAREN) {
            throw cursor.expected("'[' or '(' after IN");
        }
        cursor.take();
        TokenKind close = open.kind() == TokenKind.LBRACKET ? TokenKind.RBRACKET : TokenKind.RPAREN;
        List<QueryLiteral> values = new ArrayList<>(List.of(literals.literal()));
        while (cursor.accept(TokenKind.COMMA)) {
            values.add(literals.literal());
        }
        cursor.expect(close, close == TokenKind.RBRACKET ? "',' or ']'" : "',' or ')'");
        return new WhereCondition.In(left, values, left.position());
    }
}
