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

    /**
     * Starts sending {@code outgoing} (in log order) and answers with the batch on its way. A sender
     * whose destination answers only when asked sends before it returns ({@link #send}, the default);
     * one that can have several batches in flight ({@link #inFlight()} above 1) returns at once, and
     * keeps every device's messages in the order their batches were started.
     */
    default InFlight start(List<Outgoing> outgoing, Runnable accepted) {
        return InFlight.settled(send(outgoing, accepted));
    }

    /** How many started batches a pipe may have unsettled at once: 1 unless {@link #start} returns early. */
    default int inFlight() {
        return 1;
    }

    /**
     * Drops the batches still in flight after one of them was refused: the pipe starts them again from
     * the refused message after its backoff, so none of them may reach the destination after the
     * retry's messages of the same device.
     */
    default void abandon() {
    }

    /** A started batch: whether its outcome is known yet, and the outcome (waiting for it if need be). */
    interface InFlight {
        boolean done();

        /** The earliest refused message of the batch, if any; waits until it is known. */
        Optional<Refusal> outcome();

        /** A batch already sent. */
        static InFlight settled(Optional<Refusal> outcome) {
            return new InFlight() {
                @Override
                public boolean done() {
                    return true;
                }

                @Override
                public Optional<Refusal> outcome() {
                    return outcome;
                }
            };
        }
    }

    /** Releases the sender's connections; it sends nothing after. */
    @Override
    default void close() {
    }
}
