package org.opencentral.platform.query;

import java.util.Objects;
import org.opencentral.platform.query.ast.QueryAst;
import org.opencentral.platform.query.internal.Analysis;

/**
 * Checks a parsed query against the limits and the device template and resolves it into a
 * {@link Query}: aliases replaced, names typed, telemetry or properties decided, WITHIN_WINDOW
 * lifted out, the row limit fixed. Throws only {@link QueryException} for bad queries.
 */
public final class QueryAnalyzer {
    private final QueryLimits limits;
    private final CapabilityCatalog catalog;
    private final QueryParser parser;

    public QueryAnalyzer(QueryLimits limits, CapabilityCatalog catalog) {
        this.limits = Objects.requireNonNull(limits);
        this.catalog = Objects.requireNonNull(catalog);
        this.parser = new QueryParser(limits);
    }

    public Query analyze(QueryAst ast) {
        return Analysis.analyze(Objects.requireNonNull(ast), limits, catalog);
    }

    /** Parses and analyzes query text. */
    public Query analyze(String text) {
        return analyze(parser.parse(text));
    }
}
