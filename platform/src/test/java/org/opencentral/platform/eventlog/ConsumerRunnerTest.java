package org.opencentral.platform.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.store.CursorStore;
import org.opencentral.store.eventlog.DuckDbEventLog;

/** Batching and lag of a consumer over the real embedded log. */
@Timeout(60)
class ConsumerRunnerTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path directory;
    private DuckDbEventLog log;
    private final AtomicInteger cursorReads = new AtomicInteger();
    private final CursorStore cursors = new CursorStore() {
        private final Map<String, Long> positions = new ConcurrentHashMap<>();

        @Override
        public long position(String consumer) {
            cursorReads.incrementAndGet();
            return positions.getOrDefault(consumer, 0L);
        }

        @Override
        public void save(String consumer, long sequence) {
            positions.put(consumer, sequence);
        }
    };
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final List<Long> seen = new CopyOnWriteArrayList<>();
    private final LogConsumer recorder = new LogConsumer() {
        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void handle(List<LoggedEvent> batch) {
            batchSizes.add(batch.size());
            batch.forEach(e -> seen.add(e.sequence()));
        }
    };

    @BeforeEach
    void open() {
        log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
    }

    @AfterEach
    void close() {
        log.close();
    }

    private void append(int events) {
        IntStream.range(0, events).mapToObj(i -> log.append(new DeviceConnected(DeviceId.of("d-" + i), T0)))
                .toList().forEach(CompletableFuture::join);
    }

    @Test
    void eachStepHandsTheConsumerAtMostOneBatchAndReportsTheLag() {
        append(25);
        ConsumerRunner runner = new ConsumerRunner(log, cursors, recorder, new Batching(10, Duration.ZERO));

        assertThat(runner.lag()).isZero();
        assertThat(runner.runOnce()).isEqualTo(10);
        assertThat(runner.lag()).isEqualTo(15);
        assertThat(runner.runOnce()).isEqualTo(10);
        assertThat(runner.runOnce()).isEqualTo(5);
        assertThat(runner.runOnce()).isZero();

        assertThat(runner.lag()).isZero();
        assertThat(runner.eventsHandled()).isEqualTo(25);
        assertThat(batchSizes).containsExactly(10, 10, 5);
        assertThat(cursors.position("recorder")).isEqualTo(25);
    }

    @Test
    void theCursorIsReadFromTheStoreOnceAndThenKeptInMemoryWhileEveryBatchSavesIt() {
        cursors.save("recorder", 5);
        append(25);
        ConsumerRunner runner = new ConsumerRunner(log, cursors, recorder, new Batching(10, Duration.ZERO));

        assertThat(runner.runOnce()).isEqualTo(10);
        assertThat(runner.runOnce()).isEqualTo(10);
        assertThat(runner.runOnce()).isZero();

        assertThat(cursorReads).as("the store read once, at the first step").hasValue(1);
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(6, 25).boxed().toList());
        assertThat(cursors.position("recorder")).isEqualTo(25);
    }

    @Test
    void aConsumerThatSkipsIsNotHandedEventsAndItsCursorMovesToTheEndOfTheLog() {
        AtomicBoolean skipping = new AtomicBoolean(true);
        List<Long> skippedTo = new CopyOnWriteArrayList<>();
        LogConsumer skipper = consumer("skipper", LogConsumer.Pace.BACKGROUND,
                batch -> batch.forEach(e -> seen.add(e.sequence())), upTo -> {
                    if (skipping.get()) {
                        skippedTo.add(upTo);
                    }
                    return skipping.get();
                });
        append(25);
        ConsumerRunner runner = new ConsumerRunner(log, cursors, skipper, new Batching(10, Duration.ZERO));

        assertThat(runner.runOnce()).isZero();
        assertThat(runner.runOnce()).as("nothing new: not asked again").isZero();
        assertThat(skippedTo).containsExactly(25L);
        assertThat(cursors.position("skipper")).isEqualTo(25);
        assertThat(runner.lag()).isZero();

        skipping.set(false);
        append(3);
        assertThat(runner.runOnce()).isEqualTo(3);
        assertThat(seen).containsExactly(26L, 27L, 28L);
        assertThat(cursors.position("skipper")).isEqualTo(28);
    }

    @Test
    void consumersOfDifferentBatchSizesShareReadsJoinedAndSplitToTheirOwnSize() {
        append(10);
        SharedReads reads = new SharedReads(log);
        List<LoggedEvent> small1 = reads.after(0, 4);
        List<LoggedEvent> small2 = reads.after(4, 4);
        List<LoggedEvent> small3 = reads.after(8, 4);
        assertThat(small3).hasSize(2);

        List<LoggedEvent> large = reads.after(1, 100);
        assertThat(large).as("the rest of the first read, joined with the two after it")
                .extracting(LoggedEvent::sequence).containsExactlyElementsOf(LongStream.rangeClosed(2, 10).boxed().toList());
        assertThat(large.getFirst()).isSameAs(small1.get(1));
        assertThat(large.get(3)).isSameAs(small2.getFirst());
        assertThat(large.getLast()).isSameAs(small3.getLast());
        assertThat(reads.after(2, 5)).as("cut to the asker's size").extracting(LoggedEvent::sequence)
                .containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(reads.stats()).isEqualTo(new LogConsumers.ReadStats(14, 10));
    }

    @Test
    void theListStartsEveryConsumerOnItsOwnCursorAndRefusesTwoOnOneCursor() {
        List<Long> other = new CopyOnWriteArrayList<>();
        LogConsumer second = sequences("second", other, LogConsumer.Pace.BACKGROUND);
        cursors.save("second", 3);
        append(5);

        try (LogConsumers consumers = new LogConsumers(log, cursors, List.of(recorder, second))) {
            assertThat(consumers.runners()).extracting(ConsumerRunner::name).containsExactly("recorder", "second");
            consumers.start();
            await().untilAsserted(() -> {
                assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
                assertThat(other).containsExactly(4L, 5L);
            });
        }
        assertThatThrownBy(() -> new LogConsumers(log, cursors, List.of(recorder, second, recorder)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recorder");
    }

    @Test
    void aStartedRunnerFollowsTheLogInOrderInFullBatches() {
        append(3_000);
        try (ConsumerRunner runner = new ConsumerRunner(log, cursors, recorder, new Batching(1_000, Duration.ZERO))) {
            runner.start();
            append(500);

            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 3_500);
        }

        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 3_500).boxed().toList());
        assertThat(batchSizes.subList(0, 3)).containsExactly(1_000, 1_000, 1_000);
    }

    @Test
    void consumersAtOnePositionAreHandedTheSameReadAndAFollowerRejoinsTheLeadersBatches() {
        List<List<LoggedEvent>> first = new CopyOnWriteArrayList<>();
        List<List<LoggedEvent>> second = new CopyOnWriteArrayList<>();
        cursors.save("second", 4);
        append(12);
        try (LogConsumers consumers = new LogConsumers(log, cursors, List.of(collecting("first", first),
                collecting("second", second)))) {
            ConsumerRunner leader = consumers.runners().get(0);
            ConsumerRunner follower = consumers.runners().get(1);
            assertThat(leader.runOnce()).isEqualTo(12);
            assertThat(follower.runOnce()).as("the rest of the leader's read, from the follower's own cursor")
                    .isEqualTo(8);
            assertThat(second.getFirst()).isEqualTo(first.getFirst().subList(4, 12));
            assertThat(second.getFirst().getFirst()).isSameAs(first.getFirst().get(4));

            append(3);
            assertThat(leader.runOnce()).isEqualTo(3);
            assertThat(follower.runOnce()).isEqualTo(3);
            assertThat(second.get(1)).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(second.get(1).get(i)).as("one decoded instance for both").isSameAs(first.get(1).get(i));
            }
            assertThat(consumers.readStats()).isEqualTo(new LogConsumers.ReadStats(11, 15));
            assertThat(cursors.position("first")).isEqualTo(15);
            assertThat(cursors.position("second")).isEqualTo(15);
        }
    }

    @Test
    void aPromptConsumerFollowsTheLogWhileABackgroundOneIsStuckInABatch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> slow = new CopyOnWriteArrayList<>();
        List<Long> prompt = new CopyOnWriteArrayList<>();
        LogConsumer stuck = new LogConsumer() {
            @Override
            public String name() {
                return "stuck";
            }

            @Override
            public void handle(List<LoggedEvent> batch) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                batch.forEach(e -> slow.add(e.sequence()));
            }
        };
        LogConsumer rules = sequences("prompt", prompt, LogConsumer.Pace.PROMPT);
        try (LogConsumers consumers = new LogConsumers(log, cursors, List.of(stuck, rules))) {
            consumers.start();
            append(5);
            await().until(() -> prompt.size() == 5);
            append(5);
            await().until(() -> prompt.size() == 10);
            assertThat(slow).isEmpty();
            release.countDown();
            await().until(() -> slow.size() == 10);
        }
        assertThat(slow).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(prompt).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
    }

    /** A consumer of {@code pace} that adds the sequence numbers it handles to {@code into}. */
    private static LogConsumer sequences(String name, List<Long> into, LogConsumer.Pace pace) {
        return consumer(name, pace, batch -> batch.forEach(e -> into.add(e.sequence())), upTo -> false);
    }

    private static LogConsumer collecting(String name, List<List<LoggedEvent>> into) {
        return consumer(name, LogConsumer.Pace.BACKGROUND, into::add, upTo -> false);
    }

    private static LogConsumer consumer(String name, LogConsumer.Pace pace, Consumer<List<LoggedEvent>> handler,
            LongPredicate skips) {
        return new LogConsumer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void handle(List<LoggedEvent> batch) {
                handler.accept(batch);
            }

            @Override
            public Pace pace() {
                return pace;
            }

            @Override
            public boolean skips(long upTo) {
                return skips.test(upTo);
            }
        };
    }

    @Test
    void batchingIsValidated() {
        assertThatThrownBy(() -> new Batching(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Batching(10, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Batching(10, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Batching.DEFAULTS.maxEvents()).isEqualTo(20_000);
        assertThat(Batching.of(LogConsumer.Pace.BACKGROUND)).isEqualTo(Batching.DEFAULTS);
        assertThat(Batching.of(LogConsumer.Pace.PROMPT)).isEqualTo(Batching.PROMPT);
        assertThat(Batching.PROMPT.maxEvents()).isLessThan(Batching.DEFAULTS.maxEvents());
    }
}
