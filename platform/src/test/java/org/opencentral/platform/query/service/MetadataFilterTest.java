package org.opencentral.platform.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.platform.query.Filter;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.Literal;
import org.opencentral.platform.query.ast.SystemField;

/** Metadata conditions and value comparisons evaluated in Java, with SQL's rules for types and nulls. */
class MetadataFilterTest {
    private static final Device SIMULATED = device("sim-1", "Simulator", true);
    private static final Device REAL = device("real-1", "Boiler", false);

    @Test
    void metadataConditionsAreTestedPerDevice() {
        Filter simulatedOrBoiler = new Filter.Any(List.of(
                compare(SystemField.SIMULATED, ComparisonOperator.EQ, Literal.Bool.TRUE),
                compare(SystemField.DISPLAY_NAME, ComparisonOperator.EQ, new Literal.Str("Boiler"))));
        Filter notReal = new Filter.Not(new Filter.In(new ValueRef.Builtin(SystemField.ID),
                List.of(new Literal.Str("real-1"))));

        assertThat(MetadataFilter.test(simulatedOrBoiler, SIMULATED)).isTrue();
        assertThat(MetadataFilter.test(simulatedOrBoiler, REAL)).isTrue();
        assertThat(MetadataFilter.test(notReal, SIMULATED)).isTrue();
        assertThat(MetadataFilter.test(notReal, REAL)).isFalse();
        assertThat(MetadataFilter.isMetadata(simulatedOrBoiler)).isTrue();
        assertThat(MetadataFilter.isMetadata(compare(SystemField.TS, ComparisonOperator.GT,
                new Literal.Str("2026-01-01T00:00:00Z")))).isFalse();
    }

    @Test
    void valuesOfAnotherTypeOrMissingNeverMatchExceptEqualsNull() {
        Literal five = new Literal.Num(BigDecimal.valueOf(5));
        assertThat(Comparisons.test(Comparisons.of(Json.parse("5.0")), ComparisonOperator.EQ, five)).isTrue();
        assertThat(Comparisons.test(Comparisons.of(Json.parse("\"5\"")), ComparisonOperator.NE, five)).isFalse();
        assertThat(Comparisons.test(Comparisons.of(null), ComparisonOperator.NE, five)).isFalse();
        assertThat(Comparisons.test(Comparisons.of(null), ComparisonOperator.EQ, Literal.Null.INSTANCE)).isTrue();
        assertThat(Comparisons.test(Comparisons.of(Json.parse("1")), ComparisonOperator.NE, Literal.Null.INSTANCE))
                .isTrue();
        assertThat(Comparisons.test(Comparisons.of(Json.parse("\"b\"")), ComparisonOperator.GT, new Literal.Str("a")))
                .isTrue();
    }

    private static Filter compare(SystemField field, ComparisonOperator op, Literal literal) {
        return new Filter.Compare(new ValueRef.Builtin(field), op, literal);
    }

    private static Device device(String id, String name, boolean simulated) {
        return new Device(DeviceId.of(id), name, Optional.of("dtmi:test:t;1"), true, simulated, true, "e",
                SymmetricKeys.generate(), Optional.empty(), Device.Connection.NEVER, Instant.EPOCH);
    }
}
