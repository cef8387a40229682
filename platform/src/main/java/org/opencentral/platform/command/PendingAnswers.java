package org.opencentral.platform.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencentral.core.store.CommandOutcome;

/**
 * The direct-method calls waiting for their device's answer, by request key, each with its deadline.
 * Deadlines are enforced by one sweep every {@link #SWEEP} while calls wait, not by a timer per call:
 * a timer per call ({@code CompletableFuture.orTimeout}) woke the common pool's delay-scheduler
 * thread when it was armed and again when it was cancelled, two thread wake-ups per command on a
 * machine where the call's own threads wait for a core. A call times out between its response
 * timeout and that plus {@link #SWEEP} (response timeouts are whole seconds).
 */
final class PendingAnswers {
    static final Duration SWEEP = Duration.ofMillis(100);

    private record Waiting(CompletableFuture<CommandOutcome.Answered> answer, long deadlineNanos) {
    }

    private final ScheduledExecutorService timer;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();

    PendingAnswers(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** A future for the answer to {@code key}; it fails with a {@link TimeoutException} once {@code timeout} has passed. */
    CompletableFuture<CommandOutcome.Answered> expect(String key, Duration timeout) {
        CompletableFuture<CommandOutcome.Answered> answer = new CompletableFuture<>();
        waiting.put(key, new Waiting(answer, System.nanoTime() + timeout.toNanos()));
        answer.whenComplete((r, e) -> waiting.remove(key));
        sweepSoon();
        return answer;
    }

    /** Completes the call waiting for {@code key}; false when none waits (unknown, answered or timed out). */
    boolean answer(String key, CommandOutcome.Answered answer) {
        Waiting call = waiting.get(key);
        return call != null && call.answer().complete(answer);
    }

    private void sweepSoon() {
        if (sweepScheduled.compareAndSet(false, true)) {
            timer.schedule(this::sweep, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Waiting call : waiting.values()) {
            if (now - call.deadlineNanos() >= 0) {
                call.answer().completeExceptionally(new TimeoutException());
            }
        }
        // cleared before looking again: a call registered meanwhile either sees it cleared or is seen here
        sweepScheduled.set(false);
        if (!waiting.isEmpty()) {
            sweepSoon();
        }
    }
}
