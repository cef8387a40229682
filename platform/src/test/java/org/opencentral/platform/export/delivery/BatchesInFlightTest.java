package org.opencentral.platform.export.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportSource;
import org.opencentral.core.export.FolderDestination;
import org.opencentral.core.store.CursorStore;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * A pipe with several batches in flight, from the real event log, to a destination whose answers the
 * test gives, in any order: the cursor moves only past batches accepted whole with every batch before
 * them, a refusal drops the batches after it and they are sent again from the refused message, and
 * no batch is started beyond what the sender allows.
 */
@Timeout(60)
class BatchesInFlightTest {
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(1));
    private static final List<DeviceId> DEVICES = List.of(DeviceId.of("d-1"), DeviceId.of("d-2"));
    private static final String CURSOR = "export:all:held";
    private static final int EVENTS_PER_BATCH = 2;

    @TempDir
    Path directory;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final HeldDestination destination = new HeldDestination(4);
    private final AtomicInteger cursorReads = new AtomicInteger();
    private StateStore state;
    private DuckDbEventLog log;
    private ExportRunner runner;
    private long start;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
        runner = new ExportRunner(state.exports(), new PipeContext(log, counted(state.cursors()),
                new ExportMessages("app-1"), id -> DeviceFacts.NONE, RETRY, clock, EVENTS_PER_BATCH), d -> destination, stats -> { });
        state.exports().putDestination(new FolderDestination("held", "Held", "unused"));
        state.exports().putExport(new Export("all", "All telemetry", true, ExportSource.TELEMETRY, Optional.empty(),
                Map.of(), List.of(new DestinationReference("held", Optional.empty()))));
        runner.runOnce();
        start = state.cursors().position(CURSOR);
        for (int round = 0; round < 5; round++) {
            TelemetryRounds.send(log, clock, DEVICES, round); // one batch per round: 5 batches
        }
    }

    @AfterEach
    void close() {
        runner.close();
        log.close();
        state.close();
    }

    private long cursor() {
        return state.cursors().position(CURSOR);
    }

    @Test
    void theCursorMovesOnlyPastBatchesAcceptedWithEveryBatchBeforeThem() {
        runner.runOnce();
        runner.runOnce();
        runner.runOnce();
        assertThat(destination.started).hasSize(3);
        destination.started.get(1).accept();
        destination.started.get(2).accept();

        runner.runOnce(); // starts a fourth; the first is still unanswered
        assertThat(destination.started).hasSize(4);
        assertThat(cursor()).as("later batches accepted, the first not yet").isEqualTo(start);

        destination.started.get(0).accept();
        runner.runOnce(); // four in flight: starts none, waits for the oldest, settles the three answered
        assertThat(destination.started).as("no more than the sender allows").hasSize(4);
        assertThat(cursor()).isEqualTo(start + 3 * EVENTS_PER_BATCH);

        destination.started.get(3).accept();
        runner.runOnce();
        assertThat(destination.started).hasSize(5);
        destination.started.get(4).accept();
        runner.runOnce();
        assertThat(cursor()).isEqualTo(start + 5 * EVENTS_PER_BATCH);
        assertThat(destination.started).extracting(HeldBatch::first)
                .containsExactly(start + 1, start + 3, start + 5, start + 7, start + 9);
    }

    @Test
    void aRefusalDropsTheBatchesAfterItAndTheyAreSentAgainFromTheRefusedMessage() {
        runner.runOnce();
        runner.runOnce();
        runner.runOnce();
        destination.started.get(0).accept();
        destination.started.get(1).refuseAt(start + 4); // the second message of the second batch
        destination.started.get(2).accept();

        runner.runOnce();
        assertThat(cursor()).as("up to the refused message").isEqualTo(start + 3);
        assertThat(destination.abandoned).isEqualTo(1);
        assertThat(runner.runOnce()).as("waiting out the backoff").isZero();
        assertThat(destination.started).hasSize(4);

        clock.advance(RETRY.first());
        runner.runOnce();
        assertThat(destination.started).hasSize(5);
        assertThat(destination.started.get(4).first()).as("sent again from the refused message").isEqualTo(start + 4);
    }

    @Test
    void theCursorIsReadFromTheStoreAtTheFirstStepThenKeptInMemoryWhileEverySettledBatchSavesIt() {
        int readsBefore = cursorReads.get(); // the pipe was built and stepped once in open()
        for (int step = 0; step < 8; step++) {
            runner.runOnce();
            destination.started.forEach(batch -> {
                if (!batch.done()) {
                    batch.accept();
                }
            });
        }
        runner.runOnce();

        assertThat(cursor()).as("the store holds the durable copy").isEqualTo(start + 5 * EVENTS_PER_BATCH);
        assertThat(cursorReads.get() - readsBefore).as("no read after the pipe's first step").isZero();
    }

    /** The state store's cursors, counting the reads of this test's cursor (not the test's own reads). */
    private CursorStore counted(CursorStore cursors) {
        return new CursorStore() {
            @Override
            public long position(String consumer) {
                if (consumer.equals(CURSOR)) {
                    cursorReads.incrementAndGet();
                }
                return cursors.position(consumer);
            }

            @Override
            public void save(String consumer, long sequence) {
                cursors.save(consumer, sequence);
            }
        };
    }

    /** A batch started and answered when the test says. */
    private record HeldBatch(List<BatchSender.Outgoing> outgoing, Runnable accepted,
            CompletableFuture<Optional<BatchSender.Refusal>> answer) implements BatchSender.InFlight {
        long first() {
            return outgoing.getFirst().sequence();
        }

        void accept() {
            outgoing.forEach(o -> accepted.run());
            answer.complete(Optional.empty());
        }

        void refuseAt(long sequence) {
            answer.complete(Optional.of(new BatchSender.Refusal(sequence, new DeliveryFailure("refused"))));
        }

        @Override
        public boolean done() {
            return answer.isDone();
        }

        @Override
        public Optional<BatchSender.Refusal> outcome() {
            return answer.join();
        }
    }

    /** A destination that answers only when the test tells a batch to, any batch in any order. */
    private static final class HeldDestination implements BatchSender {
        private final int inFlight;
        final List<HeldBatch> started = new ArrayList<>();
        int abandoned;

        HeldDestination(int inFlight) {
            this.inFlight = inFlight;
        }

        @Override
        public Optional<Refusal> send(List<Outgoing> outgoing, Runnable accepted) {
            throw new IllegalStateException("a pipe with batches in flight starts them");
        }

        @Override
        public InFlight start(List<Outgoing> outgoing, Runnable accepted) {
            HeldBatch batch = new HeldBatch(List.copyOf(outgoing), accepted, new CompletableFuture<>());
            started.add(batch);
            return batch;
        }

        @Override
        public int inFlight() {
            return inFlight;
        }

        @Override
        public void abandon() {
            abandoned++;
        }
    }
}
