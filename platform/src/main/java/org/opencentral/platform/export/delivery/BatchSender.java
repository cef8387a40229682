package org.opencentral.platform.export.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers a pipe's batches to its destination: a batch's messages in log order, each device's in
 * order. The outcome is the earliest refused message in log order, if any: every message before it
 * was accepted (later ones may have been too; they are sent again on the retry, which at-least-once
 * allows). A sender belongs to one pipe and is closed when the pipe is dropped.
 */
public interface BatchSender extends AutoCloseable {
    /**
     * A message to send and what is known of it whatever its body (a transform may reshape the body):
     * its event's sequence, the device it is about (if any), a key that names the message the same
     * way on every attempt ({@code {exportId}:{sequence}:{n}}, {@code n} its place among the event's
     * messages), for destinations that drop what they already have, IoT Central's user properties
     * ({@code iotcentral-device-id}, {@code iotcentral-application-id}, {@code iotcentral-message-source}
     * and, when it applies, {@code iotcentral-message-type}), when the platform accepted the fact, and
     * the message itself: its JSON in UTF-8.
     */
    record Outgoing(long sequence, Optional<String> device, String key, Map<String, String> properties,
            Instant enqueued, byte[] json) {
        public Outgoing {
            properties = Map.copyOf(properties);
        }
    }

    /** The earliest refused message of a batch. */
    record Refusal(long sequence, DeliveryFailure failure) {
    }

    /** Sends {@code outgoing} (in log order); {@code accepted} is told of each accepted message. */
    Optional<Refusal> send(List<Outgoing> outgoing, Runnable accepted);

    /** Releases the sender's connections; it sends nothing after. */
    @Override
    default void close() {
    }
}
