package org.opencentral.platform.query;

import java.util.List;
import java.util.Objects;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.Literal;

/**
 * The validated WHERE condition, without {@code WITHIN_WINDOW} (that is {@link Query#timeRange()}).
 * Operands are never aggregates; literals suit their operand (strings for {@code $id}, an ISO-8601
 * timestamp string for {@code $ts}, booleans for {@code $provisioned}/{@code $simulated}).
 */
public sealed interface Filter permits Filter.All, Filter.Any, Filter.Not, Filter.Compare, Filter.In {

    /** Conjunction of two or more filters. */
    record All(List<Filter> operands) implements Filter {
        public All {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("All needs two operands");
            }
        }
    }

    /** Disjunction of two or more filters. */
    record Any(List<Filter> operands) implements Filter {
        public Any {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("Any needs two operands");
            }
        }
    }

    record Not(Filter operand) implements Filter {
        public Not {
            Objects.requireNonNull(operand);
        }
    }

    /** {@code value op literal}; a {@link Literal.Null} comes only with {@code =} / {@code !=} (IS [NOT] NULL). */
    record Compare(ValueRef value, ComparisonOperator operator, Literal literal) implements Filter {
        public Compare {
            Objects.requireNonNull(value);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(literal);
        }
    }

    /** {@code value IN (…)}: telemetry or {@code $id} only; no nulls in the list. */
    record In(ValueRef value, List<Literal> values) implements Filter {
        public In {
            Objects.requireNonNull(value);
            values = List.copyOf(values);
        }
    }
}
