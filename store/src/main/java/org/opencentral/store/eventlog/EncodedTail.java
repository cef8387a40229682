package org.opencentral.store.eventlog;

import java.nio.ByteBuffer;

/**
 * The log's in-memory tail as bytes: each committed event's stored columns ({@link EncodedEvent}) serialized one
 * after the other into a ring of a few large byte arrays. An array this large is allocated outside the young
 * generation (a humongous region in G1, a large page in ZGC) and holds no references, so young collections neither
 * copy nor scan what is held here however long it stays; a read decodes the events it returns with
 * {@link EventCodec}, as a read from storage does. Holds the newest events, consecutive by sequence, within at most
 * {@code maxEvents} events and {@code capacity} bytes (a record never spans two arrays; the space it skips at the
 * end of one counts). Not thread-safe: {@link RecentEvents} synchronizes.
 */
final class EncodedTail {
    /** The size of one array: large enough for G1 (half a region of up to 16 MiB) and ZGC to place it apart. */
    static final int CHUNK_BYTES = 16 << 20;
    private final ByteBuffer[] chunks;
    private final int chunkBytes;
    private final long capacity;
    /** Per held event (a ring by index): where its record starts in the stream, and its time. */
    private final long[] starts;
    private final long[] times;
    private long oldestSequence;
    private int head;
    private int count;
    /** Where the next record goes in the stream (position modulo {@link #capacity} is the place in the arrays). */
    private long end;

    EncodedTail(int maxEvents, long bytes) {
        this(maxEvents, bytes, CHUNK_BYTES);
    }

    /** {@code largestChunk}: the size of one array at most (tests use small ones). */
    EncodedTail(int maxEvents, long bytes, int largestChunk) {
        this.chunkBytes = (int) Math.min(largestChunk, bytes);
        int chunkCount = (int) Math.max(1, (bytes + this.chunkBytes - 1) / this.chunkBytes);
        this.chunks = new ByteBuffer[chunkCount];
        this.capacity = (long) chunkCount * this.chunkBytes;
        this.starts = new long[maxEvents];
        this.times = new long[maxEvents];
    }

    /** The size of {@code event}'s record. */
    static long recordBytes(EncodedEvent event) {
        return EventBytes.of(event).size();
    }

    /**
     * Adds {@code event} as {@code sequence}, which must follow the newest held (the caller clears first otherwise).
     * An event larger than one array is not held, and empties the tail, which must stay consecutive.
     */
    void add(long sequence, EncodedEvent event) {
        EventBytes record = EventBytes.of(event);
        long size = record.size();
        if (size > chunkBytes) {
            clear();
            return;
        }
        long start = end % chunkBytes + size <= chunkBytes ? end : (end / chunkBytes + 1) * chunkBytes;
        while (count == starts.length || (count > 0 && start + size - starts[head] > capacity)) {
            dropOldest();
        }
        if (count == 0) {
            oldestSequence = sequence;
        }
        record.put(chunk(start).duplicate().position((int) (start % chunkBytes)));
        int slot = (head + count) % starts.length;
        starts[slot] = start;
        times[slot] = record.epochNanos();
        count++;
        end = start + size;
    }

    /** The event {@code sequence}'s columns; it must be held. */
    EncodedEvent get(long sequence) {
        return decodeAt(startsOf(sequence, sequence)[0]);
    }

    /** Where the records of {@code from} to {@code to} start, which must be held: for {@link #decodeAt}. */
    long[] startsOf(long from, long to) {
        long[] positions = new long[(int) (to - from + 1)];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = starts[(int) ((head + (from - oldestSequence) + i) % starts.length)];
        }
        return positions;
    }

    /**
     * The columns of the record at {@code start}. Called without the caller's lock, so the record may be overwritten
     * meanwhile: it then decodes to anything or throws {@link IllegalStateException} (never reads outside its array),
     * and the caller checks afterwards, under its lock, that the record is still held ({@link #holds}) before
     * trusting what was decoded.
     */
    EncodedEvent decodeAt(long start) {
        return EventBytes.get(chunk(start).duplicate().position((int) (start % chunkBytes)));
    }

    boolean holds(long sequence) {
        return count > 0 && sequence >= oldestSequence && sequence < oldestSequence + count;
    }

    /** The oldest and the newest sequence held; only while something is. */
    long oldest() {
        return oldestSequence;
    }

    long newest() {
        return oldestSequence + count - 1;
    }

    int size() {
        return count;
    }

    /** The time of the {@code index}-th oldest event held, as nanoseconds since the epoch. */
    long epochNanosAt(int index) {
        return times[(head + index) % starts.length];
    }

    void dropOldest() {
        head = (head + 1) % starts.length;
        count--;
        oldestSequence++;
    }

    void clear() {
        head = 0;
        count = 0;
    }

    private ByteBuffer chunk(long position) {
        int index = (int) (position % capacity / chunkBytes);
        if (chunks[index] == null) {
            chunks[index] = ByteBuffer.allocate(chunkBytes);
        }
        return chunks[index];
    }
}
