package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.store.contract.Concurrently;

/**
 * What every {@link org.opencentral.core.event.EventLog} must do, run against DuckDB and PostgreSQL.
 * Each test starts with an empty log; {@link #openLog()} opens the same log again. Logs keep their
 * newest events in memory ({@link TailLimits#DEFAULTS}) unless a test says otherwise, so most
 * reads here are answered by the tail; reopened logs start with an empty tail and read storage.
 */
@Timeout(60)
abstract class EventLogContract {
    private final List<GroupCommitLog> opened = new ArrayList<>();

    /** Opens this test's log (empty the first time), with the in-memory tail {@code tail}. */
    protected abstract GroupCommitLog openLog(TailLimits tail);

    protected GroupCommitLog openLog() {
        return openLog(TailLimits.DEFAULTS);
    }

    private GroupCommitLog open() {
        return open(TailLimits.DEFAULTS);
    }

    private GroupCommitLog open(TailLimits tail) {
        GroupCommitLog log = openLog(tail);
        opened.add(log);
        return log;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(GroupCommitLog::close);
    }

    private static List<LoggedEvent> readAll(GroupCommitLog log) {
        List<LoggedEvent> all = new ArrayList<>();
        for (List<LoggedEvent> page = log.read(0, 7_000); !page.isEmpty();
                page = log.read(page.getLast().sequence(), 7_000)) {
            all.addAll(page);
        }
        return all;
    }

    @Test
    void concurrentAppendsGetUniqueSequencesInTheOrderEachThreadAppended() throws Exception {
        GroupCommitLog log = open();
        int threads = 8;
        int perThread = 3_000;

        List<List<Long>> sequences = Concurrently.run(threads, t -> {
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                futures.add(log.append(Events.numbered((long) t * perThread + i)));
            }
            return futures.stream().map(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).toList();
        });

        for (List<Long> ofOneThread : sequences) {
            assertThat(ofOneThread).isSorted().doesNotHaveDuplicates();
        }
        List<Long> all = sequences.stream().flatMap(List::stream).sorted().toList();
        assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(all.getFirst()).isEqualTo(1);
        assertThat(all.getLast()).isEqualTo(threads * perThread);
        assertThat(log.lastSequence()).isEqualTo(threads * perThread);

        List<LoggedEvent> read = readAll(log);
        assertThat(read).extracting(LoggedEvent::sequence).containsExactlyElementsOf(all);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i += 97) {
                long sequence = sequences.get(t).get(i);
                assertThat(Events.numberOf(read.get((int) sequence - 1).event())).isEqualTo((long) t * perThread + i);
            }
        }
    }

    @Test
    void everyKindReadsBackExactly() {
        GroupCommitLog log = open();
        List<PlatformEvent> events = Events.everyKind();

        List<Long> sequences = events.stream().map(log::append).toList().stream()
                .map(CompletableFuture::join).toList();

        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(log.read(0, 100)).extracting(LoggedEvent::event).containsExactlyElementsOf(events);
        assertThat(log.read(3, 2)).extracting(LoggedEvent::sequence).containsExactly(4L, 5L);
        assertThat(log.read(events.size(), 10)).isEmpty();
        assertThat(log.read(1_000, 10)).isEmpty();
        assertThatThrownBy(() -> log.read(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reopeningContinuesTheSequenceAndKeepsEverything() {
        GroupCommitLog first = open();
        List<PlatformEvent> events = Events.everyKind();
        events.stream().map(first::append).toList().forEach(CompletableFuture::join);
        first.close();

        GroupCommitLog second = open();
        assertThat(second.lastSequence()).isEqualTo(events.size());
        assertThat(second.append(Events.numbered(1)).join()).isEqualTo(events.size() + 1);
        second.close();

        GroupCommitLog third = open();
        List<LoggedEvent> all = readAll(third);
        assertThat(all).extracting(LoggedEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size() + 1).boxed().toList());
        assertThat(all.subList(0, events.size())).extracting(LoggedEvent::event).containsExactlyElementsOf(events);
    }

    @Test
    void aConsumerFromZeroSeesEveryEventInOrderWhileAppendsGoOn() {
        GroupCommitLog log = open();
        int total = 12_000;
        List<Long> seen = new CopyOnWriteArrayList<>();
        AtomicLong cursor = new AtomicLong();
        Thread consumer = Thread.ofVirtual().start(() -> {
            while (cursor.get() < total) {
                for (LoggedEvent e : log.read(cursor.get(), 1_000)) {
                    seen.add(Events.numberOf(e.event()));
                    cursor.set(e.sequence());
                }
            }
        });

        for (long n = 0; n < total; n++) {
            log.append(Events.numbered(n));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.isAlive());
        assertThat(seen).hasSize(total);
        assertThat(seen).isSorted().first().isEqualTo(0L);
    }

    @Test
    void listenersRunAfterTheBatchIsReadable() {
        GroupCommitLog log = open();
        List<Integer> readableAtNotification = new CopyOnWriteArrayList<>();
        log.onAppended(() -> readableAtNotification.add(log.read(0, 100).size()));
        log.onAppended(() -> {
            throw new IllegalStateException("a broken listener must not stop the log");
        });

        long first = log.append(Events.numbered(1)).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> !readableAtNotification.isEmpty());
        long second = log.append(Events.numbered(2)).join();

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> readableAtNotification.contains(2));
        assertThat(readableAtNotification.getFirst()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void closeWritesWhatIsPendingAndThenRefusesAppends() {
        GroupCommitLog log = open();
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (long n = 0; n < 20_000; n++) {
            futures.add(log.append(Events.numbered(n)));
        }

        log.close();

        assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted());
        assertThat(futures.getLast().join()).isEqualTo(20_000);
        assertThat(log.append(Events.numbered(0))).isCompletedExceptionally();
        GroupCommitLog reopened = open();
        assertThat(reopened.lastSequence()).isEqualTo(20_000);
        assertThat(Events.numberOf(reopened.read(19_999, 1).getFirst().event())).isEqualTo(19_999);
    }

    @Test
    void anEventThatCannotBeEncodedFailsAloneAndGetsNoSequence() {
        GroupCommitLog log = open();
        PlatformEvent tooLate = new PlatformEvent.DeviceConnected(Events.DEVICE, Instant.parse("2300-01-01T00:00:00Z"));

        assertThat(log.append(tooLate)).isCompletedExceptionally();
        assertThat(log.append(Events.numbered(1)).join()).isEqualTo(1);
    }
    @Test
    void aConsumerStartedLateReadsEveryEventFromSequenceZeroInOrder() {
        GroupCommitLog log = open();
        int total = 7_500;
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (long n = 0; n < total; n++) {
            futures.add(log.append(Events.numbered(n)));
        }
        futures.forEach(CompletableFuture::join);
        log.close();

        List<LoggedEvent> replayed = readAll(open());

        assertThat(replayed).extracting(LoggedEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(replayed).extracting(e -> Events.numberOf(e.event()))
                .containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
    }

    @Test
    void retentionRemovesWholeDaysBeforeTheCutoffAndSequencesContinue() {
        GroupCommitLog log = open();
        Instant day = Instant.parse("2026-11-20T00:00:00Z");
        List<PlatformEvent> events = List.of(
                new PlatformEvent.DeviceConnected(Events.DEVICE, day.minusSeconds(3_600)),
                new PlatformEvent.DeviceConnected(Events.DEVICE, day.minusNanos(1)),
                new PlatformEvent.DeviceConnected(Events.DEVICE, day),
                new PlatformEvent.DeviceConnected(Events.DEVICE, day.plusSeconds(86_400 + 5)));
        events.stream().map(log::append).toList().forEach(CompletableFuture::join);

        int removed = log.deleteOlderThan(day.plusSeconds(7_200));

        assertThat(removed).isPositive();
        assertThat(readAll(log)).extracting(LoggedEvent::sequence).containsExactly(3L, 4L);
        assertThat(log.deleteOlderThan(day.plusSeconds(3 * 86_400))).isPositive();
        assertThat(readAll(log)).isEmpty();
        log.close();

        GroupCommitLog reopened = open();
        assertThat(reopened.lastSequence()).isEqualTo(4);
        assertThat(reopened.append(Events.numbered(5)).join()).isEqualTo(5);
    }

    @Test
    void theTailAnswersWhatStorageAnswers() {
        GroupCommitLog log = open();
        List<PlatformEvent> events = new ArrayList<>(Events.everyKind());
        ObjectNode patch = Json.object().put("small", 1L).put("big", 12_345_678_901L).put("f", 1.5);
        events.add(new PlatformEvent.ReportedPropertiesUpdated(Events.DEVICE, Events.T0, patch, 9));
        events.stream().map(log::append).toList().forEach(CompletableFuture::join);

        List<LoggedEvent> fromMemory = readAll(log);
        assertThat(log.tailReads().fromStorage()).isZero();
        log.close();
        GroupCommitLog reopened = open(TailLimits.NONE);
        List<LoggedEvent> fromStorage = readAll(reopened);

        assertThat(reopened.tailReads().fromMemory()).isZero();
        assertThat(fromMemory).isEqualTo(fromStorage).hasSize(events.size());
        assertThat(fromMemory.getLast().event()).isInstanceOfSatisfying(PlatformEvent.ReportedPropertiesUpdated.class,
                r -> assertThat(r.patch().get("small").isInt()).isTrue());
    }

    @Test
    void aConsumerFallingBehindTheTailReadsStorageAndComesBackWithoutGapsOrDuplicates() {
        GroupCommitLog log = open(new TailLimits(100, 1L << 20));
        appendNumbered(log, 0, 50);
        List<LoggedEvent> seen = new ArrayList<>(log.read(0, 10));
        assertThat(log.tailReads()).isEqualTo(new GroupCommitLog.TailReads(1, 0));

        appendNumbered(log, 50, 300);
        while (seen.getLast().sequence() < 300) {
            seen.addAll(log.read(seen.getLast().sequence(), 100));
        }
        assertThat(log.tailReads()).isEqualTo(new GroupCommitLog.TailReads(2, 2));

        appendNumbered(log, 300, 350);
        seen.addAll(log.read(seen.getLast().sequence(), 100));

        assertThat(log.tailReads()).isEqualTo(new GroupCommitLog.TailReads(3, 2));
        assertThat(seen).extracting(LoggedEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 350).boxed().toList());
        assertThat(seen).extracting(e -> Events.numberOf(e.event()))
                .containsExactlyElementsOf(LongStream.range(0, 350).boxed().toList());
    }

    @Test
    void aSlowConsumerWithATinyTailSeesEveryEventOnceWhileAppendsGoOn() {
        GroupCommitLog log = open(new TailLimits(64, 16L << 10));
        int total = 20_000;
        List<Long> seen = new CopyOnWriteArrayList<>();
        Thread consumer = Thread.ofVirtual().start(() -> {
            long cursor = 0;
            int max = 1;
            while (cursor < total) {
                for (LoggedEvent e : log.read(cursor, max)) {
                    seen.add(Events.numberOf(e.event()));
                    cursor = e.sequence();
                }
                max = max % 300 + 7;
            }
        });

        for (long n = 0; n < total; n++) {
            log.append(Events.numbered(n));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.isAlive());
        assertThat(seen).containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
    }

    @Test
    void retentionAlsoForgetsTheRemovedEventsInMemory() {
        GroupCommitLog log = open();
        Instant day = Instant.parse("2026-11-20T00:00:00Z");
        List.of(new PlatformEvent.DeviceConnected(Events.DEVICE, day.minusSeconds(10)),
                new PlatformEvent.DeviceConnected(Events.DEVICE, day.plusSeconds(10)))
                .stream().map(log::append).toList().forEach(CompletableFuture::join);
        assertThat(log.read(0, 10)).hasSize(2);

        log.deleteOlderThan(day);

        assertThat(log.read(0, 10)).extracting(LoggedEvent::sequence).containsExactly(2L);
    }

    @Test
    void oneDevicesEventsReadNewestFirstInPagesWithoutGapsDuplicatesOrOtherDevices() {
        GroupCommitLog log = open();
        DeviceId other = DeviceId.of("other-1");
        List<CompletableFuture<Long>> mine = new ArrayList<>();
        List<CompletableFuture<Long>> theirs = new ArrayList<>();
        for (long n = 0; n < 120; n++) {
            (n % 3 == 0 ? theirs : mine).add(log.append(Events.numbered(n % 3 == 0 ? other : Events.DEVICE, n)));
            if (n % 40 == 0) {
                mine.add(log.append(new PlatformEvent.DeviceConnected(Events.DEVICE, Events.T0.plusMillis(n))));
                log.append(new PlatformEvent.AuditRecorded(Events.T0, n + 1, Json.object().put("action", "x")));
                log.append(new PlatformEvent.TemplateLifecycle("dtmi:t:a;1", Events.T0,
                        PlatformEvent.TemplateLifecycle.Change.UPDATED, java.util.Optional.of("\"e\"")));
                mine.add(log.append(new PlatformEvent.CloudPropertiesUpdated(Events.DEVICE, Events.T0,
                        java.util.Optional.empty(), Json.object().put("customerName", "c" + n))));
            }
        }
        List<Long> expected = mine.stream().map(CompletableFuture::join).sorted(Comparator.reverseOrder()).toList();
        theirs.forEach(CompletableFuture::join);

        assertDeviceReads(log, expected, other, theirs.size());
        assertThatThrownBy(() -> log.readDevice(Events.DEVICE, Long.MAX_VALUE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.readDevice(Events.DEVICE, Long.MAX_VALUE, EventLog.MAX_DEVICE_READ + 1))
                .isInstanceOf(IllegalArgumentException.class);
        log.close();
        assertDeviceReads(open(TailLimits.NONE), expected, other, theirs.size());
    }

    private static void assertDeviceReads(GroupCommitLog log, List<Long> expected, DeviceId other, int theirs) {
        List<LoggedEvent> paged = new ArrayList<>();
        for (List<LoggedEvent> page = log.readDevice(Events.DEVICE, Long.MAX_VALUE, 7); !page.isEmpty();
                page = log.readDevice(Events.DEVICE, page.getLast().sequence(), 7)) {
            assertThat(page).hasSizeLessThanOrEqualTo(7);
            paged.addAll(page);
        }
        assertThat(paged).extracting(LoggedEvent::sequence).containsExactlyElementsOf(expected);
        assertThat(paged).allSatisfy(e -> assertThat(((PlatformEvent.DeviceEvent) e.event()).deviceId())
                .isEqualTo(Events.DEVICE));
        assertThat(log.readDevice(Events.DEVICE, Long.MAX_VALUE, EventLog.MAX_DEVICE_READ)).isEqualTo(paged);
        assertThat(log.readDevice(other, Long.MAX_VALUE, 500)).hasSize(theirs)
                .allSatisfy(e -> assertThat(Events.numberOf(e.event()) % 3).isZero());
        assertThat(log.readDevice(DeviceId.of("nobody"), Long.MAX_VALUE, 10)).isEmpty();
        assertThat(log.readDevice(Events.DEVICE, expected.getLast(), 10)).isEmpty();
    }

    private static void appendNumbered(GroupCommitLog log, long from, long to) {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (long n = from; n < to; n++) {
            futures.add(log.append(Events.numbered(n)));
        }
        futures.forEach(CompletableFuture::join);
    }
}
