package org.opencentral.platform.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
}
