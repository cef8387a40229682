package org.opencentral.platform.query.internal;

import org.opencentral.platform.query.ast.Condition;

/** Counts AND, OR and NOT in a condition: an n-way AND or OR has n - 1 operators. */
final class LogicalOperators {
    private LogicalOperators() {
    }

    static int count(Condition condition) {
        return switch (condition) {
            case Condition.And and -> and.operands().size() - 1 + and.operands().stream().mapToInt(LogicalOperators::count).sum();
            case Condition.Or or -> or.operands().size() - 1 + or.operands().stream().mapToInt(LogicalOperators::count).sum();
            case Condition.Not not -> 1 + count(not.operand());
            case Condition.Comparison c -> 0;
            case Condition.In in -> 0;
            case Condition.WithinWindow w -> 0;
            case Condition.TextMatch m -> 0;
        };
    }
}
