package org.opencentral.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryLimitsTest {

    @Test
    void defaultsBeatIotCentralAndIotCentralsAreAsDocumented() {
        assertThat(QueryLimits.IOT_CENTRAL).isEqualTo(new QueryLimits(350, 15, 10, 100, 10_000, 1_000, 32));
        assertThat(QueryLimits.DEFAULTS.maxQueryLength()).isGreaterThan(QueryLimits.IOT_CENTRAL.maxQueryLength());
        assertThat(QueryLimits.DEFAULTS.maxRows(QueryKind.TELEMETRY)).isEqualTo(100_000);
        assertThat(QueryLimits.DEFAULTS.maxRows(QueryKind.PROPERTIES)).isEqualTo(10_000);
    }

    @Test
    void limitsArePositiveAndNestingIsBounded() {
        assertThatThrownBy(() -> new QueryLimits(0, 15, 10, 100, 10, 10, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueryLength");
        assertThatThrownBy(() -> new QueryLimits(10, 15, 10, 100, 10, 10, QueryLimits.NESTING_DEPTH_CEILING + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNestingDepth");
    }
}
