package org.opencentral.platform.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.QueryLiteral;
import org.opencentral.platform.query.ast.SystemField;

/** Metadata conditions and value comparisons evaluated in Java, with SQL's rules for types and nulls. */
class MetadataFilterTest {
    private static final Device SIMULATED = device("sim-1", "Simulator", true);
    private static final Device REAL = device("real-1", "Boiler", false);

    @Test
    void metadataConditionsAreTestedPerDevice() {
        QueryFilter simulatedOrBoiler = new QueryFilter.Any(List.of(
                compare(SystemField.SIMULATED, ComparisonOperator.EQ, QueryLiteral.Bool.TRUE),
                compare(SystemField.DISPLAY_NAME, ComparisonOperator.EQ, new QueryLiteral.Str("Boiler"))));
        QueryFilter notReal = new QueryFilter.Not(new QueryFilter.In(new ValueRef.Builtin(SystemField.ID),
                List.of(new QueryLiteral.Str("real-1"))));

        assertThat(MetadataFilter.test(simulatedOrBoiler, SIMULATED)).isTrue();
        assertThat(MetadataFilter.test(simulatedOrBoiler, REAL)).isTrue();
        assertThat(MetadataFilter.test(notReal, SIMULATED)).isTrue();
        assertThat(MetadataFilter.test(notReal, REAL)).isFalse();
        assertThat(MetadataFilter.isMetadata(simulatedOrBoiler)).isTrue();
        assertThat(MetadataFilter.isMetadata(compare(SystemField.TS, ComparisonOperator.GT,
                new QueryLiteral.Str("2026-01-01T00:00:00Z")))).isFalse();
    }

    @Test
    void valuesOfAnotherTypeOrMissingNeverMatchExceptEqualsNull() {
        QueryLiteral five = new QueryLiteral.Num(BigDecimal.valueOf(5));
        assertThat(LiteralComparisons.test(LiteralComparisons.of(Json.parse("5.0")), ComparisonOperator.EQ, five)).isTrue();
        assertThat(LiteralComparisons.test(LiteralComparisons.of(Json.parse("\"5\"")), ComparisonOperator.NE, five)).isFalse();
        assertThat(LiteralComparisons.test(LiteralComparisons.of(null), ComparisonOperator.NE, five)).isFalse();
        assertThat(LiteralComparisons.test(LiteralComparisons.of(null), ComparisonOperator.EQ, QueryLiteral.Null.INSTANCE)).isTrue();
        assertThat(LiteralComparisons.test(LiteralComparisons.of(Json.parse("1")), ComparisonOperator.NE, QueryLiteral.Null.INSTANCE))
                .isTrue();
        assertThat(LiteralComparisons.test(LiteralComparisons.of(Json.parse("\"b\"")), ComparisonOperator.GT, new QueryLiteral.Str("a")))
                .isTrue();
    }

    private static QueryFilter compare(SystemField field, ComparisonOperator op, QueryLiteral literal) {
        return new QueryFilter.Compare(new ValueRef.Builtin(field), op, literal);
    }

    private static Device device(String id, String name, boolean simulated) {
        return Device.builder(DeviceId.of(id)).displayName(name).template("dtmi:test:t;1").simulated(simulated)
                .provisioned().etag("e").createdAt(Instant.EPOCH).build();
    }
}
