package org.opencentral.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorCountsTest {
    @Test
    void countsOneOrManyOfAKindAndSortsTheKinds() {
        ErrorCounts errors = new ErrorCounts();
        errors.add("timeout");
        errors.add("unacknowledged_after_drain", 62_841);
        errors.add("timeout");

        assertThat(errors.snapshot()).containsExactly(Map.entry("timeout", 2L),
                Map.entry("unacknowledged_after_drain", 62_841L));
        assertThat(errors.total()).isEqualTo(62_843);
    }
}
