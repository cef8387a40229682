package org.opencentral.platform.query;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.QueryAst;
import org.opencentral.platform.query.ast.SourcePosition;
import org.opencentral.platform.query.internal.Parser;

/**
 * Parses query text into a {@link QueryAst}. For any input it returns a tree or throws a
 * {@link QueryException}; nothing else. Thread-safe and stateless.
 */
public final class QueryParser {
    private final QueryLimits limits;

    public QueryParser(QueryLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    public QueryAst parse(String text) {
        checkLength(text);
        return Parser.parse(text, limits);
    }

    /**
     * Parses a device query, {@code SELECT * FROM devices [WHERE cond]}, as device groups use it; the
     * condition may also use {@code contains}, {@code startswith} and {@code endswith}. Returns the
     * condition as written (empty: every device); names are not resolved.
     */
    public Optional<WhereCondition> parseDeviceQuery(String text) {
        checkLength(text);
        return Parser.parseDeviceQuery(text, limits);
    }

    private void checkLength(String text) {
        if (text == null) {
            throw new QueryException(new SourcePosition(0, 1, 1), "a query is required");
        }
        if (text.length() > limits.maxQueryLength()) {
            throw new QueryException(SourcePosition.of(text, limits.maxQueryLength()),
                    "the query is " + text.length() + " characters long; the maximum is " + limits.maxQueryLength());
        }
    }
}
