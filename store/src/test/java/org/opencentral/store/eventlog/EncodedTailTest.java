package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;

@Timeout(10)
class EncodedTailTest {

    private static EncodedEvent event(long n, int bodyBytes) {
        byte[] body = new byte[bodyBytes];
        new Random(n).nextBytes(body);
        return EventCodec.encode(new TelemetryReceived(Events.DEVICE, Events.T0.plusNanos(n), Optional.empty(),
                Map.of("n", Long.toString(n)), Map.of(), body));
    }

    private static void assertSame(EncodedEvent actual, EncodedEvent expected) {
        assertThat(actual.time()).isEqualTo(expected.time());
        assertThat(actual.kind()).isEqualTo(expected.kind());
        assertThat(actual.deviceId()).isEqualTo(expected.deviceId());
        assertThat(actual.payload()).isEqualTo(expected.payload());
        assertThat(actual.body()).isEqualTo(expected.body());
    }

    @Test
    void keepsTheNewestRecordsAcrossItsArraysAsItWrapsAroundManyTimes() {
        int chunk = 4 << 10;
        EncodedTail tail = new EncodedTail(1_000, 4L * chunk, chunk);
        Map<Long, EncodedEvent> added = new HashMap<>();
        Random sizes = new Random(7);
        long bytesHeldAtMost = 4L * chunk;
        for (long sequence = 1; sequence <= 5_000; sequence++) {
            EncodedEvent event = event(sequence, sizes.nextInt(900));
            added.put(sequence, event);
            tail.add(sequence, event);

            assertThat(tail.newest()).isEqualTo(sequence);
            long held = 0;
            for (long s = tail.oldest(); s <= tail.newest(); s++) {
                held += EncodedTail.recordBytes(added.get(s));
            }
            assertThat(held).isLessThanOrEqualTo(bytesHeldAtMost);
            if (sequence > 100) {   // full: at least three arrays' worth, less the record that does not fit
                assertThat(held).isGreaterThan(3L * chunk - 1_000);
            }
        }
        for (long s = tail.oldest(); s <= tail.newest(); s++) {
            assertSame(tail.get(s), added.get(s));
        }
        assertThat(tail.holds(tail.oldest() - 1)).isFalse();
        assertThat(tail.holds(tail.newest() + 1)).isFalse();
    }

    @Test
    void holdsAtMostItsEventLimit() {
        EncodedTail tail = new EncodedTail(5, 1L << 20);
        for (long sequence = 1; sequence <= 12; sequence++) {
            tail.add(sequence, event(sequence, 10));
        }

        assertThat(tail.size()).isEqualTo(5);
        assertThat(tail.oldest()).isEqualTo(8);
        assertSame(tail.get(8), event(8, 10));
    }

    @Test
    void aRecordLargerThanOneArrayEmptiesTheTail() {
        EncodedTail tail = new EncodedTail(100, 2L << 10, 1 << 10);
        tail.add(1, event(1, 100));
        tail.add(2, event(2, 2_000));

        assertThat(tail.size()).isZero();
        tail.add(3, event(3, 100));
        assertThat(tail.oldest()).isEqualTo(3);
        assertSame(tail.get(3), event(3, 100));
    }
}
