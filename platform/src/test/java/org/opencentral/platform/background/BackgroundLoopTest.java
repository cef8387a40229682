package org.opencentral.platform.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BackgroundLoopTest {

    /**
     * One loop more than the budget has cores, each always with work: never more steps at once than
     * the budget allows, and every loop still gets its turns (the budget is fair).
     */
    @Test
    void busyLoopsShareTheCoreBudgetAndEachGetsItsTurn() {
        int cores = BackgroundLoop.CORES.availablePermits();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<LongAdder> steps = new ArrayList<>();
        List<BackgroundLoop> loops = new ArrayList<>();
        for (int i = 0; i <= cores; i++) {
            LongAdder count = new LongAdder();
            steps.add(count);
            loops.add(new BackgroundLoop("busy-" + i, () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(5);
                running.decrementAndGet();
                count.increment();
                return BackgroundLoop.Next.AGAIN;
            }));
        }
        try {
            loops.forEach(BackgroundLoop::start);
            await().atMost(Duration.ofSeconds(20)).until(() -> steps.stream().allMatch(s -> s.sum() >= 10));
        } finally {
            loops.forEach(BackgroundLoop::close);
        }
        assertThat(mostAtOnce.get()).isBetween(1, cores);
        assertThat(BackgroundLoop.CORES.availablePermits()).isEqualTo(cores);
    }

    /**
     * Background work runs below the acknowledgement path's priority; a coordinating loop, and one whose
     * steps start threads (which, like the virtual-thread scheduler's carriers, inherit it), do not.
     */
    @Test
    void budgetedStepsRunAtTheBackgroundPriority() {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        List<BackgroundLoop> loops = List.of(
                new BackgroundLoop("consumer", () -> record(seen, "consumer")),
                BackgroundLoop.coordinating("coordinating", () -> record(seen, "coordinating")),
                BackgroundLoop.startingThreads("starting", () -> record(seen, "starting")));
        try {
            loops.forEach(BackgroundLoop::start);
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 3);
        } finally {
            loops.forEach(BackgroundLoop::close);
        }
        assertThat(BackgroundLoop.PRIORITY).isLessThan(Thread.NORM_PRIORITY);
        assertThat(seen).containsEntry("consumer", BackgroundLoop.PRIORITY)
                .containsEntry("coordinating", Thread.NORM_PRIORITY).containsEntry("starting", Thread.NORM_PRIORITY);
    }

    private static BackgroundLoop.Next record(Map<String, Integer> seen, String name) {
        seen.put(name, Thread.currentThread().getPriority());
        return BackgroundLoop.Next.IDLE;
    }

    /** A coordinating loop runs its step while every core of the budget is taken; a budgeted one waits. */
    @Test
    void aCoordinatingLoopDoesNotWaitForTheCoreBudget() throws InterruptedException {
        int cores = BackgroundLoop.CORES.availablePermits();
        LongAdder coordinating = new LongAdder();
        LongAdder budgeted = new LongAdder();
        BackgroundLoop engine = BackgroundLoop.coordinating("coordinating", () -> {
            coordinating.increment();
            return BackgroundLoop.Next.IDLE;
        });
        BackgroundLoop consumer = new BackgroundLoop("budgeted", () -> {
            budgeted.increment();
            return BackgroundLoop.Next.IDLE;
        });
        BackgroundLoop.CORES.acquire(cores);
        try {
            engine.start();
            consumer.start();
            engine.wake();
            engine.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> coordinating.sum() >= 2);
            assertThat(budgeted.sum()).isZero();
        } finally {
            BackgroundLoop.CORES.release(cores);
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> budgeted.sum() >= 1);
        } finally {
            engine.close();
            consumer.close();
        }
    }
}
