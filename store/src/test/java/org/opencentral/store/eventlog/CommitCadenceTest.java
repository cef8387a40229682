package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's commit cadence: when a commit may start, and what that means for a real log. The log
 * tests commit at most once a minute and wait at most 30 s for an append, so an append answered
 * was not held back by the cadence.
 */
@Timeout(60)
class CommitCadenceTest {
    private static final long MS = 1_000_000;
    private static final CommitCadence SLOW = new CommitCadence(CommitCadence.MAX_INTERVAL, 100);

    @TempDir
    Path directory;

    @Test
    void aCommitWaitsForTheRestOfTheIntervalSinceThePreviousCommitStarted() {
        CommitCadence cadence = new CommitCadence(Duration.ofMillis(3), 1_000);
        assertThat(cadence.delayNanos(1 * MS, 1)).isEqualTo(2 * MS);
        assertThat(cadence.delayNanos(0, 999)).isEqualTo(3 * MS);
    }

    @Test
    void aWriterIdleForTheIntervalCommitsAtOnce() {
        CommitCadence cadence = new CommitCadence(Duration.ofMillis(3), 1_000);
        assertThat(cadence.delayNanos(3 * MS, 1)).isZero();
        assertThat(cadence.delayNanos(60_000 * MS, 1)).isZero();
    }

    @Test
    void aLargeBatchIsNeverDelayed() {
        CommitCadence cadence = new CommitCadence(Duration.ofMillis(3), 1_000);
        assertThat(cadence.delayNanos(0, 1_000)).isZero();
        assertThat(cadence.delayNanos(1 * MS, 5_000)).isZero();
    }

    @Test
    void backToBackNeverWaits() {
        assertThat(CommitCadence.BACK_TO_BACK.delayNanos(0, 1)).isZero();
    }

    @Test
    void nonsenseIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> new CommitCadence(Duration.ofMillis(-1), 1_000))
                .hasMessageContaining("commit interval must be between 0 and 60000 ms");
        assertThatThrownBy(() -> new CommitCadence(Duration.ofMinutes(2), 1_000))
                .hasMessageContaining("commit interval must be between 0 and 60000 ms, not 120000 ms");
        assertThatThrownBy(() -> new CommitCadence(Duration.ofMillis(3), 0))
                .hasMessageContaining("large batch must be at least 1 event");
    }

    @Test
    void theFirstAppendCommitsAtOnceAndTheNextWaitsUntilTheBatchIsLarge() {
        List<Integer> batches = new CopyOnWriteArrayList<>();
        try (DuckDbEventLog log = open(SLOW)) {
            log.observeBatches((events, queued, commit, failed) -> batches.add(events));
            assertThat(log.append(Events.numbered(0)).orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(1);

            CompletableFuture<Long> paced = log.append(Events.numbered(1));
            List<CompletableFuture<Long>> rest = IntStream.rangeClosed(2, SLOW.largeBatch())
                    .mapToObj(n -> log.append(Events.numbered(n))).toList();

            assertThat(paced.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(2);
            assertThat(rest.getLast().orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(SLOW.largeBatch() + 1L);
            // the observer hears of a batch after its futures complete
            await().untilAsserted(() -> assertThat(batches).containsExactly(1, SLOW.largeBatch()));
        }
    }

    @Test
    void closingCommitsWhatWaitsForTheCadenceWithoutWaitingForIt() {
        List<Integer> batches = new CopyOnWriteArrayList<>();
        CompletableFuture<Long> paced;
        try (DuckDbEventLog log = open(SLOW)) {
            log.observeBatches((events, queued, commit, failed) -> batches.add(events));
            log.append(Events.numbered(0)).orTimeout(30, TimeUnit.SECONDS).join();
            paced = log.append(Events.numbered(1));
            assertThat(paced).isNotDone();
        }
        assertThat(paced).isCompletedWithValue(2L);
        assertThat(batches).containsExactly(1, 1);
        try (DuckDbEventLog reopened = open(CommitCadence.DEFAULTS)) {
            assertThat(reopened.lastSequence()).isEqualTo(2);
        }
    }

    private DuckDbEventLog open(CommitCadence cadence) {
        return DuckDbEventLog.open(directory.resolve("events.duckdb"), DuckDbLogSettings.DEFAULTS, TailLimits.DEFAULTS,
                cadence);
    }
}
