package org.opencentral.platform.query;

import java.util.Objects;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.platform.query.ast.SourcePosition;

/**
 * The only exception the parser and the analyzer throw for bad input: a {@code BadRequest} whose
 * message starts with the position, e.g. {@code at 1:24: expected FROM but found 'WHERE'}.
 */
public final class QueryException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final transient SourcePosition position;
    private final String detail;

    public QueryException(SourcePosition position, String detail) {
        super(ErrorCode.BAD_REQUEST, "at " + position + ": " + detail);
        this.position = Objects.requireNonNull(position);
        this.detail = Objects.requireNonNull(detail);
    }

    /** Where in the query text the problem is. */
    public SourcePosition position() {
        return position;
    }

    /** The message without the position prefix. */
    public String detail() {
        return detail;
    }
}
