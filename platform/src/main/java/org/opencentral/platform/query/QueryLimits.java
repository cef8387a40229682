package org.opencentral.platform.query;

/**
 * Every limit of the query language, in one place, enforced by the parser and the analyzer.
 * IoT Central's own values are {@link #IOT_CENTRAL}; ours ({@link #DEFAULTS}) are higher.
 *
 * @param maxQueryLength      characters in the query text (IoT Central: 350)
 * @param maxSelectItems      items in the SELECT list (IoT Central: 15)
 * @param maxLogicalOperators AND, OR and NOT in WHERE together (IoT Central: 10)
 * @param maxInListSize       values in one {@code IN [...]} list
 * @param maxTelemetryRows    rows a telemetry query returns, the cap on TOP and the default limit (IoT Central: 10,000)
 * @param maxPropertyRows     rows a property query returns, likewise (IoT Central: 1,000)
 * @param maxNestingDepth     nesting of parentheses and NOT in WHERE; guards the parser's recursion
 */
public record QueryLimits(
        int maxQueryLength,
        int maxSelectItems,
        int maxLogicalOperators,
        int maxInListSize,
        int maxTelemetryRows,
        int maxPropertyRows,
        int maxNestingDepth) {

    /** The platform's defaults. */
    public static final QueryLimits DEFAULTS = new QueryLimits(4_096, 15, 10, 100, 100_000, 10_000, 32);

    /** IoT Central's documented limits (concepts-quotas-limits, howto-query-with-rest-api). */
    public static final QueryLimits IOT_CENTRAL = new QueryLimits(350, 15, 10, 100, 10_000, 1_000, 32);

    /** The hard ceiling on {@link #maxNestingDepth}: deeper recursion risks the thread's stack. */
    public static final int NESTING_DEPTH_CEILING = 256;

    public QueryLimits {
        positive("maxQueryLength", maxQueryLength);
        positive("maxSelectItems", maxSelectItems);
        positive("maxLogicalOperators", maxLogicalOperators);
        positive("maxInListSize", maxInListSize);
        positive("maxTelemetryRows", maxTelemetryRows);
        positive("maxPropertyRows", maxPropertyRows);
        positive("maxNestingDepth", maxNestingDepth);
        if (maxNestingDepth > NESTING_DEPTH_CEILING) {
            throw new IllegalArgumentException("maxNestingDepth must be at most " + NESTING_DEPTH_CEILING);
        }
    }

    /** The row cap for a query of this kind. */
    public int maxRows(QueryKind kind) {
        return switch (kind) {
            case TELEMETRY -> maxTelemetryRows;
            case PROPERTIES -> maxPropertyRows;
        };
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
