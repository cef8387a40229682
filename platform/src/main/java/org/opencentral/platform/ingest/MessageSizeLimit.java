package org.opencentral.platform.ingest;

/**
 * The largest device-to-cloud message the platform accepts: the one limit that the MQTT decoder
 * (and the WebSocket frames carrying MQTT), the telemetry path and {@link IngestService} all apply.
 * It comes from the server's configuration ({@code max-message-size}); IoT Hub's is 256 KiB.
 *
 * @param maxBytes largest accepted message body (MQTT PUBLISH payload), in bytes
 */
public record MessageSizeLimit(int maxBytes) {
    /** IoT Hub's limit for a device-to-cloud message. */
    public static final int DEFAULT_BYTES = 256 * 1024;
    public static final int MIN_BYTES = 1024;
    /** Room for the topic and properties of a PUBLISH on top of the largest body. */
    public static final int PACKET_OVERHEAD = 16 * 1024;
    /** MQTT's largest packet (a remaining length of 268,435,455 bytes) less {@link #PACKET_OVERHEAD}. */
    public static final int MAX_BYTES = 268_435_455 - PACKET_OVERHEAD;
    public static final MessageSizeLimit DEFAULT = new MessageSizeLimit(DEFAULT_BYTES);

    public MessageSizeLimit {
        if (maxBytes < MIN_BYTES || maxBytes > MAX_BYTES) {
            throw new IllegalArgumentException("the message size limit must be " + MIN_BYTES + ".." + MAX_BYTES
                    + " bytes, was " + maxBytes);
        }
    }

    /** Whether a body of {@code bytes} is within the limit. */
    public boolean admits(int bytes) {
        return bytes <= maxBytes;
    }

    /** The largest MQTT packet (its variable part) that can carry an admitted message. */
    public int maxPacketBytes() {
        return maxBytes + PACKET_OVERHEAD;
    }
}
