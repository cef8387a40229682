package org.opencentral.platform.query.internal;

import java.util.List;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.ast.SourcePosition;

/** The parser's view of the token list: look, take, expect, and fail with "expected X but found Y". */
final class TokenCursor {
    private final LineMap lines;
    private final List<QueryToken> tokens;
    private int index;

    TokenCursor(String source, List<QueryToken> tokens) {
        this.lines = new LineMap(source);
        this.tokens = List.copyOf(tokens);
    }

    QueryToken peek() {
        return tokens.get(index);
    }

    QueryToken peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    /** Takes the current token; the END token is never passed. */
    QueryToken take() {
        QueryToken token = tokens.get(index);
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

    QueryToken expect(TokenKind kind, String expected) {
        if (!at(kind)) {
            throw expected(expected);
        }
        return take();
    }

    QueryToken expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw expected(keyword);
        }
        return take();
    }

    /** {@code expected <what> but found <current token>}, at the current token. */
    QueryException expected(String what) {
        return QueryErrors.at(position(), "expected " + what + " but found " + peek().describe());
    }

    QueryException error(QueryToken at, String detail) {
        return QueryErrors.at(position(at), detail);
    }

    SourcePosition position(QueryToken token) {
        return lines.position(token.offset());
    }

    SourcePosition position() {
        return position(peek());
    }
}
