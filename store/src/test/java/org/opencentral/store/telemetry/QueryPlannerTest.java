package org.opencentral.store.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencentral.core.telemetry.Source;
import org.opencentral.store.telemetry.QueryPlanner.Segment;

class QueryPlannerTest {
    private static final long H = Micros.HOUR;
    private static final long M = Micros.MINUTE;

    @Test
    void alignedHourWindowsReadOnlyTheHourRollup() {
        assertThat(QueryPlanner.plan(0, 720 * H, H, Source.AUTO)).containsExactly(new Segment(Table.HOUR, 0, 720 * H));
    }

    @Test
    void unalignedEdgesComeFromMinutesAndRawValues() {
        long from = 2 * H + 3 * M + 5;
        long to = 9 * H + 4 * M + 7;

        assertThat(QueryPlanner.plan(from, to, H, Source.AUTO)).containsExactly(
                new Segment(Table.RAW, from, 2 * H + 4 * M),
                new Segment(Table.MINUTE, 2 * H + 4 * M, 3 * H),
                new Segment(Table.HOUR, 3 * H, 9 * H),
                new Segment(Table.MINUTE, 9 * H, 9 * H + 4 * M),
                new Segment(Table.RAW, 9 * H + 4 * M, to));
    }

    @Test
    void theWidthAndTheSourceCapTheRollup() {
        assertThat(QueryPlanner.plan(0, 10 * H, 15 * M, Source.AUTO)).containsExactly(new Segment(Table.MINUTE, 0, 10 * H));
        assertThat(QueryPlanner.plan(0, 10 * H, 90 * Micros.SECOND, Source.AUTO)).containsExactly(new Segment(Table.RAW, 0, 10 * H));
        assertThat(QueryPlanner.plan(0, 10 * H, H, Source.MINUTE)).containsExactly(new Segment(Table.MINUTE, 0, 10 * H));
        assertThat(QueryPlanner.plan(0, 10 * H, H, Source.RAW)).containsExactly(new Segment(Table.RAW, 0, 10 * H));
        assertThat(QueryPlanner.plan(5, 50, H, Source.AUTO)).containsExactly(new Segment(Table.RAW, 5, 50));
    }
}
