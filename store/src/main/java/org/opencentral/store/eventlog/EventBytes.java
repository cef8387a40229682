package org.opencentral.store.eventlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One event's stored columns ({@link EncodedEvent}) as bytes: the time as nanoseconds since the epoch,
 * then the kind, the device, the payload and the body, each after its length. The in-memory tail
 * ({@link EncodedTail}) and the journal ({@link Journal}) hold events in this form.
 */
record EventBytes(long epochNanos, byte[] kind, byte[] device, byte[] payload, byte[] body) {
    /** The fixed part of a record: the time (8 bytes) and four lengths. */
    static final int HEADER_BYTES = 8 + 4 * 4;

    static EventBytes of(EncodedEvent event) {
        return new EventBytes(event.epochNanos(), utf8(event.kind()), utf8(event.deviceId()), utf8(event.payload()),
                event.body());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    long size() {
        return (long) HEADER_BYTES + kind.length + device.length + payload.length + body.length;
    }

    /** Writes the record at {@code buffer}'s position, which it advances. */
    void put(ByteBuffer buffer) {
        buffer.putLong(epochNanos);
        put(buffer, kind);
        put(buffer, device);
        put(buffer, payload);
        put(buffer, body);
    }

    private static void put(ByteBuffer buffer, byte[] bytes) {
        buffer.putInt(bytes.length);
        buffer.put(bytes);
    }

    /**
     * The event whose record is at {@code buffer}'s position, which it advances; an
     * {@link IllegalStateException} (never a read outside the buffer) if a length does not fit.
     */
    static EncodedEvent get(ByteBuffer buffer) {
        long nanos = buffer.getLong();
        String kind = new String(bytes(buffer), StandardCharsets.UTF_8);
        String device = new String(bytes(buffer), StandardCharsets.UTF_8);
        String payload = new String(bytes(buffer), StandardCharsets.UTF_8);
        return new EncodedEvent(EncodedEvent.instantOfEpochNanos(nanos), kind, device, payload, bytes(buffer));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalStateException("an event record's length runs past its end");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
