package org.opencentral.platform.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.store.CommandOutcome;

/** Calls waiting for answers: answered once, timed out by the sweep, and the sweep re-armed for later calls. */
@Timeout(30)
class PendingAnswersTest {
    private static final CommandOutcome.Answered OK = new CommandOutcome.Answered(200, Json.parse("{\"ok\":true}"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PendingAnswers pending = new PendingAnswers(timer);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void anAnswerCompletesItsCallOnceAndUnknownKeysAreRefused() throws Exception {
        CompletableFuture<CommandOutcome.Answered> call = pending.expect("d\u00001", Duration.ofSeconds(30));

        assertThat(pending.answer("d\u00002", OK)).isFalse();
        assertThat(pending.answer("d\u00001", OK)).isTrue();
        assertThat(call.get()).isEqualTo(OK);
        assertThat(pending.answer("d\u00001", OK)).isFalse();
    }

    @Test
    void aCallWithoutAnswerTimesOutAndALaterCallIsSweptToo() {
        CompletableFuture<CommandOutcome.Answered> first = pending.expect("d\u00001", Duration.ofMillis(10));
        CompletableFuture<CommandOutcome.Answered> patient = pending.expect("d\u00002", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(first::isDone);
        assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        assertThat(pending.answer("d\u00001", OK)).isFalse();
        assertThat(patient).isNotDone();

        assertThat(pending.answer("d\u00002", OK)).isTrue();
        CompletableFuture<CommandOutcome.Answered> later = pending.expect("d\u00003", Duration.ofMillis(10));
        await().atMost(Duration.ofSeconds(10)).until(later::isDone);
        assertThat(later).isCompletedExceptionally();
        assertThat(patient).isCompletedWithValue(OK);
    }
}
