package org.opencentral.platform.query;

import java.util.List;
import java.util.Objects;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.QueryLiteral;

/**
 * The validated WHERE condition, without {@code WITHIN_WINDOW} (that is {@link Query#timeRange()}).
 * Operands are never aggregates; literals suit their operand (strings for {@code $id}, an ISO-8601
 * timestamp string for {@code $ts}, booleans for {@code $provisioned}/{@code $simulated}).
 */
public sealed interface QueryFilter permits QueryFilter.All, QueryFilter.Any, QueryFilter.Not, QueryFilter.Compare, QueryFilter.In {

    /** Conjunction of two or more filters. */
    record All(List<QueryFilter> operands) implements QueryFilter {
        public All {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("All needs two operands");
            }
        }
    }

    /** Disjunction of two or more filters. */
    record Any(List<QueryFilter> operands) implements QueryFilter {
        public Any {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("Any needs two operands");
            }
        }
    }

    record Not(QueryFilter operand) implements QueryFilter {
        public Not {
            Objects.requireNonNull(operand);
        }
    }

    /** {@code value op literal}; a {@link QueryLiteral.Null} comes only with {@code =} / {@code !=} (IS [NOT] NULL). */
    record Compare(ValueRef value, ComparisonOperator operator, QueryLiteral literal) implements QueryFilter {
        public Compare {
            Objects.requireNonNull(value);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(literal);
        }
    }

    /** {@code value IN (…)}: telemetry or {@code $id} only; no nulls in the list. */
    record In(ValueRef value, List<QueryLiteral> values) implements QueryFilter {
        public In {
            Objects.requireNonNull(value);
            values = List.copyOf(values);
        }
    }
}
