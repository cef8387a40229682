package org.opencentral.platform.export.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * {@code kafka@v1} and {@code eventhubs@v1}: each message is one record of the {@link KafkaTarget}'s
 * topic, its value the message's JSON, its key the device id (so a device's records share a
 * partition and keep their order; a message about no device is keyed by its message source), and
 * IoT Central's user properties ({@link Outgoing#properties()}) as headers: {@code iotcentral-device-id},
 * {@code iotcentral-application-id}, {@code iotcentral-message-source} and, when the message has
 * one, {@code iotcentral-message-type}. A batch is handed to the producer at once and the pipe goes on
 * to the next ({@value #IN_FLIGHT} batches in flight at most); a message is accepted when its
 * record's send completed, and the earliest record that failed (the cluster down longer than the
 * delivery timeout, a refusal) is the batch's refusal. The producer is created on the first send,
 * so a cluster that cannot be reached yet is a refusal, not an error of the runner, and again after
 * each refusal ({@link #abandon()}), so a retry never inherits a failed producer's state.
 */
public final class KafkaSender implements BatchSender {
    private static final long WAIT_MS = 40_000;
    /**
     * Batches a pipe may have in flight: the runner reads and formats the next batch while the producer
     * sends the last ones. Order holds regardless: the one producer sends a partition's records in the
     * order it was handed them, a retried request before any later one ({@link KafkaTarget}).
     */
    static final int IN_FLIGHT = 8;
    private static final String SOURCE = "iotcentral-message-source";

    private final KafkaTarget target;
    private Producer<String, byte[]> producer;

    public KafkaSender(KafkaTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Waits for the batch: what {@link #start} does, then its outcome. */
    @Override
    public Optional<Refusal> send(List<Outgoing> outgoing, Runnable accepted) {
        Optional<Refusal> outcome = start(outgoing, accepted).outcome();
        if (outcome.isPresent()) {
            abandon();
        }
        return outcome;
    }

    /** Hands every record to the producer and returns: the batch is done when every record's send is. */
    @Override
    public InFlight start(List<Outgoing> outgoing, Runnable accepted) {
        Batch batch = new Batch(outgoing, accepted);
        try {
            Producer<String, byte[]> producer = producer();
            for (Outgoing o : outgoing) {
                Future<RecordMetadata> future = producer.send(record(o));
                batch.sent.add(future);
                if (future.isDone() && failure(future).isPresent()) {
                    break; // the cluster cannot be reached: the records after it would each wait as long
                }
            }
        } catch (KafkaException e) {
            batch.refusal = Optional.of(new Refusal(outgoing.get(batch.sent.size()).sequence(), failure(e)));
        }
        return batch;
    }

    @Override
    public int inFlight() {
        return IN_FLIGHT;
    }

    /** Closes the producer at once, failing what it still holds: a fresh one for the retry, whatever state this one is in. */
    @Override
    public void abandon() {
        close(Duration.ZERO);
    }

    /** A batch's records handed to the producer, in log order, and the refusal of the one it could not take. */
    private final class Batch implements InFlight {
        private final List<Outgoing> outgoing;
        private final Runnable accepted;
        private final List<Future<RecordMetadata>> sent;
        private Optional<Refusal> refusal = Optional.empty();
        private int done;

        Batch(List<Outgoing> outgoing, Runnable accepted) {
            this.outgoing = outgoing;
            this.accepted = accepted;
            this.sent = new ArrayList<>(outgoing.size());
        }

        @Override
        public boolean done() {
            while (done < sent.size() && sent.get(done).isDone()) {
                done++;
            }
            return done == sent.size();
        }

        @Override
        public Optional<Refusal> outcome() {
            for (int i = 0; i < sent.size(); i++) {
                Optional<DeliveryFailure> failed = failure(sent.get(i));
                if (failed.isPresent()) {
                    return Optional.of(new Refusal(outgoing.get(i).sequence(), failed.get()));
                }
                accepted.run();
            }
            return refusal;
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(target.config());
        }
        return producer;
    }

    private ProducerRecord<String, byte[]> record(Outgoing o) {
        RecordHeaders headers = new RecordHeaders();
        o.properties().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        String key = o.device().orElse(o.properties().getOrDefault(SOURCE, ""));
        return new ProducerRecord<>(target.topic(), null, key, o.json(), headers);
    }

    /** Waits for a send's outcome: empty when the record was written. */
    private Optional<DeliveryFailure> failure(Future<RecordMetadata> future) {
        try {
            future.get(WAIT_MS, TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(failure(e.getCause()));
        } catch (TimeoutException e) {
            return Optional.of(new DeliveryFailure("sending to " + target + " did not complete in " + WAIT_MS + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new DeliveryFailure("interrupted while sending to " + target));
        }
    }

    private DeliveryFailure failure(Throwable cause) {
        return new DeliveryFailure("sending to " + target + " failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void close(Duration wait) {
        if (producer != null) {
            producer.close(wait);
            producer = null;
        }
    }
}
