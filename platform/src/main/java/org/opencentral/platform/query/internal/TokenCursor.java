package org.opencentral.platform.query.internal;

import java.util.List;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.ast.SourcePosition;

/** The parser's view of the token list: look, take, expect, and fail with "expected X but found Y". */
final class TokenCursor {
    private final LineMap lines;
    private final List<Token> tokens;
    private int index;

    TokenCursor(String source, List<Token> tokens) {
        this.lines = new LineMap(source);
        this.tokens = List.copyOf(tokens);
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    /** Takes the current token; the END token is never passed. */
    Token take() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.END) {
            index++;
        }
        return token;
    }

    boolean accept(TokenKind kind) {
        if (at(kind)) {
            take();
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            take();
            return true;
        }
        return false;
    }

    Token expect(TokenKind kind, String expected) {
        if (!at(kind)) {
            throw expected(expected);
        }
        return take();
    }

    Token expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw expected(keyword);
        }
        return take();
    }

    /** {@code expected <what> but found <current token>}, at the current token. */
    QueryException expected(String what) {
        return Errors.at(position(), "expected " + what + " but found " + peek().describe());
    }

    QueryException error(Token at, String detail) {
        return Errors.at(position(at), detail);
    }

    SourcePosition position(Token token) {
        return lines.position(token.offset());
    }

    SourcePosition position() {
        return position(peek());
    }
}
