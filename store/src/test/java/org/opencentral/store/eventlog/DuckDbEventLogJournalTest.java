package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;

/** The embedded log acknowledges from its journal and fills DuckDB behind: no read or backup misses an event. */
class DuckDbEventLogJournalTest {
    @TempDir
    Path directory;

    @Test
    void eventsJournaledButNotFilledAreReplayedAtOpenAndTheSequenceContinues() throws IOException {
        Path file = directory.resolve("events.duckdb");
        try (DuckDbEventLog log = open(file)) {
            appendNumbered(log, 1, 100);
        }
        assertThat(journalSegments(file)).as("emptied at close, everything in DuckDB").isEmpty();
        // what a crash leaves: records durable in the journal that the filler did not reach
        try (Journal journal = Journal.open(DuckDbEventLog.journalOf(file), 100, Journal.SEGMENT_BYTES,
                Journal.Force.FDATASYNC)) {
            journal.append(101, LongStream.rangeClosed(101, 150)
                    .mapToObj(n -> EventCodec.encode(Events.numbered(n))).toList());
        }
        try (DuckDbEventLog log = open(file)) {
            assertThat(log.lastSequence()).isEqualTo(150);
            assertThat(log.read(0, 1_000)).extracting(e -> Events.numberOf(e.event()))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 150).boxed().toList());
            assertThat(log.append(Events.numbered(151)).join()).isEqualTo(151);
        }
        try (DuckDbEventLog log = open(file)) {
            assertThat(log.read(140, 1_000)).extracting(LoggedEvent::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(141, 151).boxed().toList());
        }
    }

    @Test
    void readsThroughStorageSeeEveryEventAsSoonAsItIsAcknowledged() {
        try (DuckDbEventLog log = open(directory.resolve("events.duckdb"))) {
            for (int i = 1; i <= 20; i++) {
                DeviceId device = DeviceId.of("device-" + i);
                long sequence = log.append(Events.numbered(device, i)).join();
                assertThat(log.readDevice(device, Long.MAX_VALUE, 10)).extracting(LoggedEvent::sequence)
                        .containsExactly(sequence);
                assertThat(log.read(0, 1_000)).hasSize(i);
                assertThat(log.read(sequence - 1, 1)).extracting(LoggedEvent::sequence).containsExactly(sequence);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> log.fillLag() == 0);
        }
    }

    @Test
    void aBackupTakenWhileAppendingHoldsEveryEventAcknowledgedBeforeIt() throws Exception {
        Path backup = directory.resolve("backup/events.duckdb");
        Files.createDirectories(backup.getParent());
        AtomicLong acknowledged = new AtomicLong();
        AtomicBoolean appending = new AtomicBoolean(true);
        long ackedBefore;
        long position;
        try (DuckDbEventLog log = open(directory.resolve("events.duckdb"))) {
            Thread appender = Thread.ofPlatform().start(() -> {
                for (long n = 1; appending.get(); n++) {
                    long sequence = log.append(Events.numbered(n)).join();
                    acknowledged.accumulateAndGet(sequence, Math::max);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.get() >= 500);
            ackedBefore = acknowledged.get();
            position = log.backupTo(backup);
            appending.set(false);
            appender.join();
        }
        assertThat(position).isGreaterThanOrEqualTo(ackedBefore);
        try (DuckDbEventLog restored = open(backup)) {
            List<LoggedEvent> events = restored.read(0, (int) position + 10);
            assertThat(events).extracting(LoggedEvent::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, position).boxed().toList());
        }
    }

    private static DuckDbEventLog open(Path file) {
        return DuckDbEventLog.open(file, DuckDbLogSettings.DEFAULTS, TailLimits.NONE);
    }

    private static void appendNumbered(DuckDbEventLog log, long from, long to) {
        CompletableFuture.allOf(LongStream.rangeClosed(from, to).mapToObj(n -> log.append(Events.numbered(n)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static List<Path> journalSegments(Path file) throws IOException {
        try (Stream<Path> files = Files.list(DuckDbEventLog.journalOf(file))) {
            return files.filter(f -> f.toString().endsWith(".journal")).toList();
        }
    }
}
