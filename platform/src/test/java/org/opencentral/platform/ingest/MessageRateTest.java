package org.opencentral.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencentral.core.testing.ManualClock;

/** Messages per minute: counted in the current minute, zero for minutes without messages, forgotten after an hour. */
class MessageRateTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:30Z"));
    final MessageRate rate = new MessageRate(clock);

    @Test
    void eachMinuteCountsItsOwnMessages() {
        rate.count();
        rate.count();
        clock.advance(Duration.ofMinutes(2));
        rate.count();

        assertThat(rate.last(3)).containsExactly(
                new MessageRate.Minute(Instant.parse("2026-01-01T10:00:00Z"), 2),
                new MessageRate.Minute(Instant.parse("2026-01-01T10:01:00Z"), 0),
                new MessageRate.Minute(Instant.parse("2026-01-01T10:02:00Z"), 1));
    }

    @Test
    void aSlotLeftFromAnEarlierHourReadsAsZeroAndStartsAfresh() {
        rate.count();
        clock.advance(Duration.ofMinutes(MessageRate.MINUTES));
        assertThat(rate.last(1)).extracting(MessageRate.Minute::messages).containsExactly(0L);
        rate.count();
        assertThat(rate.last(1)).extracting(MessageRate.Minute::messages).containsExactly(1L);
        assertThatThrownBy(() -> rate.last(61)).isInstanceOf(IllegalArgumentException.class);
    }
}
