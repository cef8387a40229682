package org.opencentral.platform.query.internal;

import org.opencentral.platform.query.ast.WhereCondition;

/** Counts AND, OR and NOT in a condition: an n-way AND or OR has n - 1 operators. */
final class LogicalOperators {
    private LogicalOperators() {
    }

    static int count(WhereCondition condition) {
        return switch (condition) {
            case WhereCondition.And and -> and.operands().size() - 1 + and.operands().stream().mapToInt(LogicalOperators::count).sum();
            case WhereCondition.Or or -> or.operands().size() - 1 + or.operands().stream().mapToInt(LogicalOperators::count).sum();
            case WhereCondition.Not not -> 1 + count(not.operand());
            case WhereCondition.Comparison c -> 0;
            case WhereCondition.In in -> 0;
            case WhereCondition.WithinWindow w -> 0;
            case WhereCondition.TextMatch m -> 0;
        };
    }
}
