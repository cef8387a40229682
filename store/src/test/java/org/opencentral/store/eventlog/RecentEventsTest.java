package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;

@Timeout(10)
class RecentEventsTest {

    private static List<GroupCommitWriter.Pending> batch(long fromNumber, long toNumber) {
        return LongStream.range(fromNumber, toNumber).mapToObj(n -> pending(Events.numbered(n))).toList();
    }

    private static GroupCommitWriter.Pending pending(PlatformEvent event) {
        EncodedEvent encoded = EventCodec.encode(event);
        return GroupCommitWriter.Pending.of(encoded, RecentEvents.asStored(event, encoded), GroupCommitWriter.FUTURES,
                new CompletableFuture<>());
    }

    private static List<Long> sequences(Optional<List<LoggedEvent>> read) {
        return read.orElseThrow().stream().map(LoggedEvent::sequence).toList();
    }

    @Test
    void answersRangesThatStartInsideAndIsEmptyOutside() {
        RecentEvents recent = new RecentEvents(new TailLimits(10, 1L << 20));
        recent.add(1, batch(0, 15));

        assertThat(recent.size()).isEqualTo(10);
        assertThat(recent.read(4, 15, 100)).isEmpty();
        assertThat(sequences(recent.read(5, 15, 3))).containsExactly(6L, 7L, 8L);
        assertThat(sequences(recent.read(12, 13, 100))).containsExactly(13L);
        assertThat(sequences(recent.read(14, 20, 100))).containsExactly(15L);
        assertThat(recent.read(15, 20, 100)).isEmpty();
        assertThat(recent.read(5, 15, 3).orElseThrow().getFirst().event()).isEqualTo(Events.numbered(5));
    }

    @Test
    void eventsOlderThanTheObjectsHeldAreDecodedAsStorageReturnsThem() {
        RecentEvents recent = new RecentEvents(new TailLimits(20_000, 64L << 20));
        List<PlatformEvent> everyKind = Events.everyKind();
        recent.add(1, everyKind.stream().map(RecentEventsTest::pending).toList());
        int kinds = everyKind.size();
        recent.add(kinds + 1, batch(0, RecentEvents.OBJECT_EVENTS));

        assertThat(recent.size()).isEqualTo(kinds + RecentEvents.OBJECT_EVENTS);
        assertThat(recent.objects()).isEqualTo(RecentEvents.OBJECT_EVENTS);
        List<LoggedEvent> read = recent.read(0, Long.MAX_VALUE, kinds + 2).orElseThrow();
        assertThat(sequences(Optional.of(read))).isEqualTo(LongStream.rangeClosed(1, kinds + 2).boxed().toList());
        for (int i = 0; i < kinds; i++) {
            assertThat(read.get(i).event()).isEqualTo(EventCodec.decode(EventCodec.encode(everyKind.get(i))));
        }
        assertThat(read.get(kinds).event()).isEqualTo(Events.numbered(0));
        assertThat(read.get(kinds + 1).event()).isEqualTo(Events.numbered(1));
    }

    @Test
    void theNewestEventsAreHandedOutAsTheyWereAppended() {
        RecentEvents recent = new RecentEvents(new TailLimits(20_000, 64L << 20));
        List<GroupCommitWriter.Pending> appended = batch(0, RecentEvents.OBJECT_EVENTS + 10);
        recent.add(1, appended);

        List<LoggedEvent> read = recent.read(5, Long.MAX_VALUE, 10).orElseThrow();

        assertThat(read.get(4).event()).isNotSameAs(appended.get(9).stored()).isEqualTo(appended.get(9).stored());
        assertThat(read.get(5).event()).isSameAs(appended.get(10).stored());
        assertThat(read.get(9).event()).isSameAs(appended.get(14).stored());
    }

    @Test
    void dropsTheOldestToStayUnderTheByteLimit() {
        long size = EncodedTail.recordBytes(pending(Events.numbered(0)).event());
        RecentEvents recent = new RecentEvents(new TailLimits(1_000, 3L * size + size / 2));

        recent.add(1, batch(0, 5));

        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.read(1, 5, 10)).isEmpty();
        assertThat(sequences(recent.read(2, 5, 10))).containsExactly(3L, 4L, 5L);
    }

    @Test
    void anEventLargerThanTheWholeTailEmptiesItAndTheNextOneStartsAfresh() {
        int size = pending(Events.numbered(0)).bytes();
        RecentEvents recent = new RecentEvents(new TailLimits(1_000, 4L * size));
        recent.add(1, batch(0, 2));
        PlatformEvent.TelemetryReceived big = new PlatformEvent.TelemetryReceived(Events.DEVICE, Events.T0,
                Optional.empty(), java.util.Map.of(), java.util.Map.of(), new byte[5 * size]);

        recent.add(3, List.of(pending(big)));
        assertThat(recent.size()).isZero();
        recent.add(4, batch(3, 4));

        assertThat(recent.read(2, 4, 10)).isEmpty();
        assertThat(sequences(recent.read(3, 4, 10))).containsExactly(4L);
    }

    @Test
    void aBatchThatDoesNotFollowStartsTheTailAfresh() {
        RecentEvents recent = new RecentEvents(new TailLimits(100, 1L << 20));
        recent.add(1, batch(0, 5));

        recent.add(8, batch(7, 9));

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.read(4, 9, 10)).isEmpty();
        assertThat(sequences(recent.read(7, 9, 10))).containsExactly(8L, 9L);
    }

    @Test
    void forgetsEverythingUpToTheNewestEventBeforeACutoff() {
        RecentEvents recent = new RecentEvents(new TailLimits(100, 1L << 20));
        Instant day = Instant.parse("2026-11-20T00:00:00Z");
        recent.add(1, List.of(pending(new PlatformEvent.DeviceConnected(Events.DEVICE, day.minusSeconds(5))),
                pending(new PlatformEvent.DeviceConnected(Events.DEVICE, day.plusSeconds(5))),
                pending(new PlatformEvent.DeviceConnected(Events.DEVICE, day.minusSeconds(1))),
                pending(new PlatformEvent.DeviceConnected(Events.DEVICE, day.plusSeconds(9)))));

        recent.dropTimedBefore(day);

        assertThat(recent.size()).isEqualTo(1);
        assertThat(sequences(recent.read(3, 4, 10))).containsExactly(4L);
    }

    @Test
    void aTailTurnedOffHoldsNothing() {
        RecentEvents recent = new RecentEvents(TailLimits.NONE);
        recent.add(1, batch(0, 5));

        assertThat(recent.size()).isZero();
        assertThat(recent.read(0, 5, 10)).isEmpty();
    }

    @Test
    void limitsMustBeBothPositiveOrBothOff() {
        assertThatThrownBy(() -> new TailLimits(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TailLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TailLimits(-1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TailLimits(20_000_000, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
