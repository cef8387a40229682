package org.opencentral.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcStatsTest {
    // A real line of /proc/<pid>/stat, with a command name containing a space and parentheses.
    static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 123456 0 12 0 "
            + "1500 250 0 0 20 0 57 0 8851 6543210496 312345 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0";
    static final String STATUS = """
            Name:\tjava
            State:\tS (sleeping)
            VmPeak:\t 6543210 kB
            VmRSS:\t  1249380 kB
            Threads:\t57
            """;

    @Test
    void readsCpuTicksRssAndThreads() {
        ProcStats stats = ProcStats.parse(STAT, STATUS).orElseThrow();

        assertThat(stats.cpuTicks()).isEqualTo(1750);
        assertThat(stats.rssBytes()).isEqualTo(1_249_380L * 1024);
        assertThat(stats.threads()).isEqualTo(57);
    }

    @Test
    void rejectsTextThatIsNotProcStat() {
        assertThat(ProcStats.parse("garbage", STATUS)).isEmpty();
        assertThat(ProcStats.parse(STAT, "Name: java\n")).isEmpty();
    }

    @Test
    void cpuPercentIsTicksPerWallSecondTimesHundred() {
        ProcSampler sampler = new ProcSampler(4242);
        sampler.accept(new ProcStats(1_000, 100L << 20, 10), 0);
        sampler.resetWindow();
        sampler.accept(new ProcStats(1_150, 300L << 20, 10), 1_000_000_000L);   // 1.5 cores
        sampler.accept(new ProcStats(1_200, 200L << 20, 10), 2_000_000_000L);   // 0.5 core

        ProcSampler.ProcessReport report = sampler.report();
        assertThat(report.cpuAvgPercent()).isCloseTo(100.0, within(0.01));
        assertThat(report.cpuMaxPercent()).isCloseTo(150.0, within(0.01));
        assertThat(report.rssStartBytes()).isEqualTo(100L << 20);
        assertThat(report.rssMaxBytes()).isEqualTo(300L << 20);
        assertThat(report.rssEndBytes()).isEqualTo(200L << 20);
    }
}
