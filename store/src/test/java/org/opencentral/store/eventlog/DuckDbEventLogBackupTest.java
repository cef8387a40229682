package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.event.LoggedEvent;

/** A backup of an open log holds every event durable when it began, none after, and continues its sequences. */
class DuckDbEventLogBackupTest {
    @TempDir
    Path directory;

    @Test
    void aBackupOfTheOpenLogHoldsEveryDurableEventAndContinuesItsSequences() {
        Path backup = directory.resolve("backup/events.duckdb");
        long position;
        try (DuckDbEventLog log = DuckDbEventLog.open(directory.resolve("events.duckdb"))) {
            appendNumbered(log, 0, 300);
            position = log.backupTo(createdParent(backup));
            appendNumbered(log, 300, 400);
        }
        assertThat(position).isEqualTo(300);

        try (DuckDbEventLog restored = DuckDbEventLog.open(backup)) {
            List<LoggedEvent> events = restored.read(0, 1_000);
            assertThat(events).extracting(LoggedEvent::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
            assertThat(events).extracting(e -> Events.numberOf(e.event()))
                    .containsExactlyElementsOf(LongStream.range(0, 300).boxed().toList());
            assertThat(restored.lastSequence()).isEqualTo(position);
            assertThat(restored.append(Events.numbered(300)).join()).isEqualTo(position + 1);
        }
    }

    private static void appendNumbered(DuckDbEventLog log, long from, long to) {
        CompletableFuture.allOf(LongStream.range(from, to).mapToObj(n -> log.append(Events.numbered(n)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static Path createdParent(Path file) {
        file.getParent().toFile().mkdirs();
        return file;
    }
}
