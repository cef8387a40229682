package org.opencentral.platform.query.internal;

/** QueryToken kinds. Keywords are {@link #IDENTIFIER}s, matched case-insensitively by the parser. */
enum TokenKind {
    IDENTIFIER, SYSTEM_NAME, TEMPLATE_ID, NUMBER, STRING,
    COMMA, DOT, LPAREN, RPAREN, LBRACKET, RBRACKET, STAR,
    EQ, NE, LT, GT, LE, GE,
    END
}
