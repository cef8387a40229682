package org.opencentral.server.config;

import org.opencentral.platform.ingest.MessageSizeLimit;

/**
 * Protective limits; over them a device gets IoT Hub's throttling behaviour and the server stays healthy.
 *
 * @param maxMessageBytes         largest accepted device message (MQTT payload), bytes: {@link #messageSize()}
 * @param deviceMessagesPerSecond sustained messages per second allowed per device
 * @param deviceMessageBurst      messages a device may send at once above the sustained rate (bucket size)
 * @param maxConnections          concurrent device connections, all listeners together
 * @param apiRequestsPerSecond    REST requests per second per caller (token or user), with bursts of twice that
 * @param maxRunningJobs          jobs that run at once; more wait in pending (IoT Central: 5)
 */
public record LimitsConfig(int maxMessageBytes, int deviceMessagesPerSecond, int deviceMessageBurst,
                           int maxConnections, int apiRequestsPerSecond, int maxRunningJobs) {
    public static final int DEFAULT_API_REQUESTS_PER_SECOND = 200;
    public static final int DEFAULT_MAX_RUNNING_JOBS = 5;

    /** Limits with the default number of running jobs. */
    public LimitsConfig(int maxMessageBytes, int deviceMessagesPerSecond, int deviceMessageBurst, int maxConnections,
            int apiRequestsPerSecond) {
        this(maxMessageBytes, deviceMessagesPerSecond, deviceMessageBurst, maxConnections, apiRequestsPerSecond,
                DEFAULT_MAX_RUNNING_JOBS);
    }

    /** Limits with the default REST rate. */
    public LimitsConfig(int maxMessageBytes, int deviceMessagesPerSecond, int deviceMessageBurst, int maxConnections) {
        this(maxMessageBytes, deviceMessagesPerSecond, deviceMessageBurst, maxConnections,
                DEFAULT_API_REQUESTS_PER_SECOND);
    }

    public LimitsConfig {
        new MessageSizeLimit(maxMessageBytes);
        requirePositive("deviceMessagesPerSecond", deviceMessagesPerSecond);
        requirePositive("deviceMessageBurst", deviceMessageBurst);
        requirePositive("maxConnections", maxConnections);
        requirePositive("apiRequestsPerSecond", apiRequestsPerSecond);
        requirePositive("maxRunningJobs", maxRunningJobs);
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(MessageSizeLimit.DEFAULT_BYTES, 100, 200, 100_000);
    }

    /** The one message-size limit, handed to ingest (and through it to every device transport). */
    public MessageSizeLimit messageSize() {
        return new MessageSizeLimit(maxMessageBytes);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
