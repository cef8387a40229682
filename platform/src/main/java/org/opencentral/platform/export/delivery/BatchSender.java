package org.opencentral.platform.export.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Delivers a pipe's batches to its destination: a batch's messages in log order, each device's in
 * order. The outcome is the earliest refused message in log order, if any: every message before it
 * was accepted (later ones may have been too; they are sent again on the retry, which at-least-once
 * allows). A sender belongs to one pipe and is closed when the pipe is dropped.
 */
public interface BatchSender extends AutoCloseable {
    /**
     * A message to send: its event's sequence, the device it is about (if any), and a key that names
     * the message of this export the same way on every attempt ({@code {exportId}:{sequence}}), for
     * destinations that drop what they already have.
     */
    record Outgoing(long sequence, Optional<String> device, String key, ObjectNode message) {
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
