package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's records survive reopening; torn, failing and failed ones do not; filled segments go. */
class JournalTest {
    @TempDir
    Path directory;

    @Test
    void recordsReadBackInOrderAfterReopening() throws IOException {
        try (Journal journal = open(0)) {
            append(journal, 1, 10);
            append(journal, 11, 5);
        }
        try (Journal journal = open(0)) {
            assertThat(journal.last()).isEqualTo(15);
            assertThat(numbers(journal, 0)).containsExactlyElementsOf(range(1, 15));
            assertThat(numbers(journal, 12)).containsExactlyElementsOf(range(13, 15));
        }
    }

    @Test
    void aTornLastRecordIsCutAndTheJournalContinuesAfterTheRecordBefore() throws IOException {
        try (Journal journal = open(0)) {
            append(journal, 1, 10);
            append(journal, 11, 10);
        }
        Path segment = onlySegment();
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.truncate(file.size() - 7);
        }
        try (Journal journal = open(0)) {
            assertThat(journal.last()).isEqualTo(10);
            append(journal, 11, 3);
        }
        try (Journal journal = open(0)) {
            assertThat(numbers(journal, 0)).containsExactlyElementsOf(range(1, 13));
        }
    }

    @Test
    void aRecordFailingItsCrcIsCutWithEverythingAfterIt() throws IOException {
        long secondStart;
        try (Journal journal = open(0)) {
            append(journal, 1, 10);
            secondStart = Files.size(onlySegment());
            append(journal, 11, 10);
            append(journal, 21, 10);
        }
        try (FileChannel file = FileChannel.open(onlySegment(), StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), secondStart + 40);
        }
        try (Journal journal = open(0)) {
            assertThat(journal.last()).isEqualTo(10);
            assertThat(numbers(journal, 0)).containsExactlyElementsOf(range(1, 10));
            append(journal, 11, 1);
        }
        try (Journal journal = open(0)) {
            assertThat(numbers(journal, 0)).containsExactlyElementsOf(range(1, 11));
        }
    }

    @Test
    void aFailedForceLeavesNothingThatReopeningWouldReplayAndTheSequencesAreReused() throws IOException {
        boolean[] failing = {false};
        Journal.Force force = channel -> {
            if (failing[0]) {
                throw new IOException("simulated fdatasync failure");
            }
            channel.force(false);
        };
        try (Journal journal = Journal.open(directory, 0, Journal.SEGMENT_BYTES, force)) {
            append(journal, 1, 10);
            failing[0] = true;
            assertThatThrownBy(() -> append(journal, 11, 10)).hasMessageContaining("simulated");
            assertThat(journal.last()).isEqualTo(10);
        }
        failing[0] = false;
        try (Journal journal = Journal.open(directory, 0, Journal.SEGMENT_BYTES, force)) {
            assertThat(journal.last()).isEqualTo(10);
            assertThat(numbers(journal, 0)).containsExactlyElementsOf(range(1, 10));
            failing[0] = true;
            assertThatThrownBy(() -> append(journal, 11, 4)).hasMessageContaining("simulated");
            failing[0] = false;
            append(journal, 11, 2);   // shorter than the failed record, over what it left
        }
        try (Journal journal = open(0)) {
            assertThat(numbers(journal, 0)).containsExactlyElementsOf(range(1, 12));
        }
    }

    @Test
    void filledSegmentsAreDeletedAndPreparedSparesBecomeSegments() throws IOException {
        long segmentBytes = 4096;
        try (Journal journal = Journal.open(directory, 0, segmentBytes, Journal.Force.FDATASYNC)) {
            journal.prepareSpare();
            for (long first = 1; first <= 200; first += 5) {
                append(journal, first, 5);
            }
            assertThat(segments()).hasSizeGreaterThan(3);
            assertThat(Files.size(segments().getFirst())).isEqualTo(segmentBytes);   // the spare
            try (Journal.Reader reader = journal.reader()) {
                List<EncodedEvent> read = new ArrayList<>();
                assertThat(reader.next(0, 1_000, read)).isEqualTo(1);
                assertThat(read).hasSize(200);
                reader.releaseBehind();
            }
            assertThat(segments()).hasSize(1);
        }
        try (Journal journal = Journal.open(directory, 200, segmentBytes, Journal.Force.FDATASYNC)) {
            assertThat(segments()).isEmpty();   // all of it stored
            assertThat(journal.last()).isEqualTo(200);
            append(journal, 201, 1);
        }
    }

    @Test
    void aJournalThatDoesNotContinueTheStoredEventsIsRefused() throws IOException {
        try (Journal journal = open(100)) {
            append(journal, 101, 5);
        }
        assertThatThrownBy(() -> open(50)).hasMessageContaining("events are missing");
    }

    private Journal open(long stored) throws IOException {
        return Journal.open(directory, stored, Journal.SEGMENT_BYTES, Journal.Force.FDATASYNC);
    }

    private static void append(Journal journal, long first, int count) throws IOException {
        journal.append(first, LongStream.range(first, first + count)
                .mapToObj(n -> EventCodec.encode(Events.numbered(n))).toList());
    }

    private static List<Long> numbers(Journal journal, long after) throws IOException {
        try (Journal.Reader reader = journal.reader()) {
            List<EncodedEvent> read = new ArrayList<>();
            reader.next(after, Integer.MAX_VALUE, read);
            return read.stream().map(e -> Events.numberOf(EventCodec.decode(e))).toList();
        }
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.getFirst();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".journal")).sorted().toList();
        }
    }
}
