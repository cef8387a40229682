package org.opencentral.store.eventlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded event log's durable point: append-only segment files in one directory, one record per
 * batch, each written with one {@code write} and made durable with {@code fdatasync}
 * ({@link FileChannel#force force(false)}) before the batch is acknowledged. {@link JournaledLogStorage}
 * fills DuckDB from here behind the acknowledgements and then {@linkplain #release releases} the segments.
 *
 * <p>One record per batch, in {@link JournalRecords}' format. A segment file is named after the first
 * sequence it was opened for and is zero-filled to {@link #SEGMENT_BYTES} before it is used (a spare
 * prepared by the filler, {@link #prepareSpare}, while the disk has room), so that an fdatasync writes the
 * record only and not also the file's new size (BENCHMARKS.md, "An fdatasync'd journal"); a zero length marks the end of the
 * records. A record goes to the next segment when it would pass the segment's size (a record larger than a
 * segment extends its file).
 *
 * <p>{@link #open} keeps the records that are whole, pass their CRC and continue the sequence; the first
 * that does not (a crash in the middle of a write: never acknowledged) is cut off with everything after it.
 * A failed write or force zeroes what it may have left (or cuts the file back) before the append fails, so
 * that no record of a failed batch is replayed; until that succeeds every append fails.
 *
 * <p>Appends come from one thread (the writer); reads and releases from another (the filler).
 */
final class Journal implements AutoCloseable {
    static final long SEGMENT_BYTES = 64L << 20;
    private static final String SUFFIX = ".journal";
    private static final String SPARE = "spare";
    private static final int ZEROS_BYTES = 1 << 20;
    /** The free space, in segments, below which no spare is prepared. */
    private static final long SPARE_HEADROOM = 4;

    /** Makes what was written to a segment durable; tests pass one that fails. */
    @FunctionalInterface
    interface Force {
        void force(FileChannel channel) throws IOException;

        Force FDATASYNC = channel -> channel.force(false);
    }

    /** One segment file: the sequence it was opened for, and where its durable records end. */
    private static final class Segment {
        final long first;
        final Path path;
        volatile long end;

        Segment(long first, Path path, long end) {
            this.first = first;
            this.path = path;
            this.end = end;
        }
    }

    private final Path directory;
    private final long segmentBytes;
    private final Force force;
    /** Oldest first; the last is the one appended to. Guarded by itself. */
    private final List<Segment> segments;
    private FileChannel channel;
    /** The size the current segment was prepared with (zeros up to there). */
    private long prepared;
    /** Bytes of a failed append that may be in the current segment after its end, to be zeroed or cut. */
    private long dirty;
    private volatile long last;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);

    private Journal(Path directory, long segmentBytes, Force force, List<Segment> segments, long last)
            throws IOException {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.force = force;
        this.segments = segments;
        this.last = last;
        if (!segments.isEmpty()) {
            Segment current = segments.getLast();
            channel = FileChannel.open(current.path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            prepared = channel.size();
        }
    }

    /**
     * Opens the journal in {@code directory} (created if needed) of a log whose DuckDB files hold every event
     * up to {@code stored}: keeps the valid records, cuts a torn or failing one at the end, and refuses a
     * journal that does not continue from {@code stored} (a gap: events acknowledged and lost).
     */
    static Journal open(Path directory, long stored, long segmentBytes, Force force) throws IOException {
        Files.createDirectories(directory);
        Files.deleteIfExists(directory.resolve(SPARE));
        Files.deleteIfExists(directory.resolve(SPARE + ".tmp"));
        List<Segment> segments = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                segments.add(new Segment(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), file, 0));
            }
        }
        segments.sort((a, b) -> Long.compare(a.first, b.first));
        long last = -1;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            try (FileChannel file = FileChannel.open(segment.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long cut = JournalRecords.scan(file, last);
                segment.end = cut;
                last = cut == 0 ? last : JournalRecords.lastOf(file, cut, last);
                if (cut < file.size() && JournalRecords.firstLength(file, cut) != 0) {
                    // a torn or failing record: never acknowledged; so is whatever a later segment holds
                    zeroOrCut(file, cut, file.size() - cut, file.size());
                    force.force(file);
                    for (Segment later : segments.subList(i + 1, segments.size())) {
                        Files.delete(later.path);
                    }
                    segments.subList(i + 1, segments.size()).clear();
                    break;
                }
            }
        }
        if (last <= stored) {
            // every journaled event is in DuckDB (or there are none): start afresh after the stored ones
            for (Segment segment : segments) {
                Files.delete(segment.path);
            }
            segments.clear();
        } else if (segments.getFirst().end > 0) {
            long begins = JournalRecords.firstSequenceOf(segments.getFirst().path);
            if (begins > stored + 1) {
                throw new IOException("the event log journal " + directory + " begins at sequence " + begins
                        + " but the log holds events up to " + stored + " only: events are missing");
            }
        }
        return new Journal(directory, segmentBytes, force, segments, Math.max(stored, last));
    }

    /** The last sequence journaled (or stored before the journal began). */
    long last() {
        return last;
    }

    /** Writes {@code events} numbered from {@code first} (the one after {@link #last()}) as one record, durably. */
    synchronized void append(long first, List<EncodedEvent> events) throws IOException {
        if (first != last + 1) {
            throw new IllegalArgumentException("the journal continues at " + (last + 1) + ", not at " + first);
        }
        buffer = JournalRecords.encode(buffer, first, events);
        ByteBuffer record = buffer;
        if (dirty > 0) {
            clean();
        }
        Segment current = current();
        if (current == null || (current.end > 0 && current.end + record.remaining() > segmentBytes)) {
            current = roll(first);
        }
        long at = current.end;
        dirty = record.remaining();
        try {
            while (record.hasRemaining()) {
                channel.write(record, at + record.position());
            }
            force.force(channel);
        } catch (IOException | RuntimeException e) {
            try {
                clean();
            } catch (IOException | RuntimeException cleaning) {
                e.addSuppressed(cleaning);
            }
            throw e;
        }
        dirty = 0;
        current.end = at + record.limit();
        last = first + events.size() - 1;
    }

    /** Zeroes (or cuts off) what a failed append may have left after the current segment's end, durably. */
    private void clean() throws IOException {
        Segment current = current();
        zeroOrCut(channel, current.end, dirty, prepared);
        force.force(channel);
        dirty = 0;
    }

    /** Zeroes {@code length} bytes from {@code at} within the first {@code prepared} bytes and cuts off any after. */
    private static void zeroOrCut(FileChannel file, long at, long length, long prepared) throws IOException {
        if (file.size() > Math.max(at, prepared)) {
            file.truncate(Math.max(at, prepared));
        }
        long end = Math.min(at + length, Math.min(prepared, file.size()));
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZEROS_BYTES, Math.max(0, end - at)));
        for (long position = at; position < end; position += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), end - position));
            while (zeros.hasRemaining()) {
                file.write(zeros, position + zeros.position());
            }
        }
    }

    private Segment current() {
        synchronized (segments) {
            return segments.isEmpty() ? null : segments.getLast();
        }
    }

    /** Starts a segment for {@code first} on: the spare if one is ready, a new empty file otherwise. */
    private Segment roll(long first) throws IOException {
        Path path = directory.resolve(String.format("%020d%s", first, SUFFIX));
        Path spare = directory.resolve(SPARE);
        if (Files.exists(spare)) {
            Files.move(spare, path, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.createFile(path);
        }
        syncDirectory();
        if (channel != null) {
            channel.close();
        }
        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        prepared = channel.size();
        Segment segment = new Segment(first, path, 0);
        synchronized (segments) {
            segments.add(segment);
        }
        return segment;
    }

    private void syncDirectory() throws IOException {
        try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
            directoryChannel.force(true);
        }
    }

    /**
     * Makes a zero-filled segment ready for the next {@link #append} that needs one, unless one is or the
     * filesystem has less than {@link #SPARE_HEADROOM} segments' worth of space left (then segments grow with
     * their records: a spare must never be what fills the disk); from the filler's thread. Written and forced
     * a mebibyte at a time, so that it never holds the disk for long.
     */
    void prepareSpare() throws IOException {
        Path spare = directory.resolve(SPARE);
        if (Files.exists(spare) || Files.getFileStore(directory).getUsableSpace() < SPARE_HEADROOM * segmentBytes) {
            return;
        }
        Path preparing = directory.resolve(SPARE + ".tmp");
        try (FileChannel file = FileChannel.open(preparing, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(ZEROS_BYTES);
            for (long at = 0; at < segmentBytes; at += ZEROS_BYTES) {
                zeros.clear().limit((int) Math.min(ZEROS_BYTES, segmentBytes - at));
                while (zeros.hasRemaining()) {
                    file.write(zeros, at + zeros.position());
                }
                file.force(false);
            }
        } catch (IOException e) {
            Files.deleteIfExists(preparing);   // a full disk: give the space back
            throw e;
        }
        Files.move(preparing, spare, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the journal's records in order for the filler, from the oldest segment on. */
    Reader reader() {
        return new Reader();
    }

    /** A position in the journal, moved forward by {@link #next}; one thread's. */
    final class Reader implements AutoCloseable {
        private Segment segment;
        private FileChannel file;
        private long at;

        /**
         * Adds the events after sequence {@code after}, up to about {@code max}, of the records durable now
         * (whole records: a record's events beyond {@code max} come too) to {@code into}. Returns the sequence of
         * the first event added.
         */
        long next(long after, int max, List<EncodedEvent> into) throws IOException {
            long firstAdded = 0;
            while (into.size() < max) {
                if (segment == null || at >= segment.end) {
                    if (!advance()) {
                        break;
                    }
                    continue;
                }
                ByteBuffer length = ByteBuffer.allocate(4);
                JournalRecords.read(file, length, at);
                ByteBuffer record = ByteBuffer.allocate(length.getInt(0) + 4);
                JournalRecords.read(file, record, at + 4);
                record.position(4);
                long first = record.getLong();
                int count = record.getInt();
                for (int i = 0; i < count; i++) {
                    EncodedEvent event = EventBytes.get(record);
                    if (first + i > after) {
                        if (into.isEmpty()) {
                            firstAdded = first + i;
                        }
                        into.add(event);
                    }
                }
                at += JournalRecords.FRAME_BYTES + length.getInt(0);
            }
            return firstAdded;
        }

        /** Moves to the segment after the current one, if there is one (the current one then ends where it ends). */
        private boolean advance() throws IOException {
            Segment following;
            synchronized (segments) {
                int index = segment == null ? 0 : segments.indexOf(segment) + 1;
                if (index >= segments.size()) {
                    return false;
                }
                following = segments.get(index);
            }
            if (following.end == 0) {
                return false;   // being written: its first record is not durable yet
            }
            close();
            segment = following;
            file = FileChannel.open(following.path, StandardOpenOption.READ);
            at = 0;
            return true;
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
                file = null;
            }
        }

        /** Deletes the segments before this reader's: every event in them was filled. */
        void releaseBehind() throws IOException {
            List<Segment> behind;
            synchronized (segments) {
                int index = segments.indexOf(segment);
                behind = index <= 0 ? List.of() : new ArrayList<>(segments.subList(0, index));
                segments.subList(0, Math.max(0, index)).clear();
            }
            for (Segment done : behind) {
                Files.deleteIfExists(done.path);
            }
        }
    }

    /** Deletes every segment: the log's DuckDB files hold all their events (at close). */
    synchronized void empty() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        synchronized (segments) {
            for (Segment segment : segments) {
                Files.deleteIfExists(segment.path);
            }
            segments.clear();
        }
        Files.deleteIfExists(directory.resolve(SPARE));
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
