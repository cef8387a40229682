package org.opencentral.store.eventlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The {@link Journal}'s record format: a record is its length (of what follows the CRC), the CRC32C of what
 * follows it, the first sequence, the number of events, and the events as {@link EventBytes}; a zero length
 * marks the end of a segment's records. Encoding, and the checks {@link Journal#open} runs over a segment.
 */
final class JournalRecords {
    /** The length and CRC32C before each record's checked part. */
    static final int FRAME_BYTES = 8;
    /** The first sequence and the count. */
    static final int RECORD_HEADER_BYTES = 8 + 4;

    private JournalRecords() {
    }

    /**
     * Encodes {@code events} numbered from {@code first} as one record into {@code buffer}, or into a larger
     * direct buffer when it does not fit; returns the buffer holding the record, positioned at its start.
     */
    static ByteBuffer encode(ByteBuffer buffer, long first, List<EncodedEvent> events) {
        List<EventBytes> records = new ArrayList<>(events.size());
        long size = FRAME_BYTES + RECORD_HEADER_BYTES;
        for (EncodedEvent event : events) {
            EventBytes bytes = EventBytes.of(event);
            records.add(bytes);
            size += bytes.size();
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a batch of " + size + " bytes is too large for one journal record");
        }
        ByteBuffer record = buffer.capacity() >= size ? buffer
                : ByteBuffer.allocateDirect((int) Math.max(size, Math.min(Integer.MAX_VALUE - 16, 2L * buffer.capacity())));
        record.clear().limit((int) size);
        record.position(FRAME_BYTES);
        record.putLong(first).putInt(events.size());
        records.forEach(bytes -> bytes.put(record));
        CRC32C crc = new CRC32C();
        crc.update(record.position(FRAME_BYTES));
        record.putInt(0, (int) size - FRAME_BYTES).putInt(4, (int) crc.getValue());
        return record.position(0);
    }

    /** Where the valid records of {@code file} end, given the sequence before them ({@code -1}: any). */
    static long scan(FileChannel file, long before) throws IOException {
        long at = 0;
        long expected = before;
        ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES + RECORD_HEADER_BYTES);
        while (true) {
            frame.clear();
            if (read(file, frame, at) < frame.capacity()) {
                return at;
            }
            int length = frame.getInt(0);
            long first = frame.getLong(FRAME_BYTES);
            int count = frame.getInt(FRAME_BYTES + 8);
            if (length < RECORD_HEADER_BYTES || at + FRAME_BYTES + length > file.size() || count < 1
                    || (expected >= 0 && first != expected + 1)) {
                return at;
            }
            ByteBuffer checked = ByteBuffer.allocate(length);
            read(file, checked, at + FRAME_BYTES);
            CRC32C crc = new CRC32C();
            crc.update(checked.flip());
            if ((int) crc.getValue() != frame.getInt(4)) {
                return at;
            }
            expected = first + count - 1;
            at += FRAME_BYTES + length;
        }
    }

    /** The last sequence of the records before {@code end} in {@code file} (which are valid). */
    static long lastOf(FileChannel file, long end, long fallback) throws IOException {
        long at = 0;
        long last = fallback;
        ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES + RECORD_HEADER_BYTES);
        while (at < end) {
            frame.clear();
            read(file, frame, at);
            last = frame.getLong(FRAME_BYTES) + frame.getInt(FRAME_BYTES + 8) - 1;
            at += FRAME_BYTES + frame.getInt(0);
        }
        return last;
    }

    static int firstLength(FileChannel file, long at) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        return read(file, length, at) < 4 ? 0 : length.getInt(0);
    }

    /** The first sequence of the first record in {@code path}. */
    static long firstSequenceOf(Path path) throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer first = ByteBuffer.allocate(8);
            read(file, first, FRAME_BYTES);
            return first.getLong(0);
        }
    }

    static int read(FileChannel file, ByteBuffer into, long at) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int n = file.read(into, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
