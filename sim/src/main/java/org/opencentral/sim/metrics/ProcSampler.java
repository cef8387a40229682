package org.opencentral.sim.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Samples one process from {@code /proc} once per call and keeps what a report needs: CPU% between
 * samples (100% = one core), its average and maximum over the measured window, RSS at the start of
 * the run, its maximum and its last value.
 */
public final class ProcSampler {
    private final long pid;
    private final Path proc;
    private ProcStats previous;
    private long previousNanos;
    private double cpuPercent;
    private double cpuSum;
    private int cpuSamples;
    private double cpuMax;
    private long rssFirst = -1;
    private long rssMax;
    private long rssLast;
    private int threads;

    public ProcSampler(long pid) {
        this(pid, Path.of("/proc"));
    }

    ProcSampler(long pid, Path proc) {
        this.pid = pid;
        this.proc = proc;
    }

    /** Reads the process now; false when it is gone or unreadable. */
    public synchronized boolean sample() {
        Optional<ProcStats> stats = read();
        if (stats.isEmpty()) {
            return false;
        }
        accept(stats.get(), System.nanoTime());
        return true;
    }

    synchronized void accept(ProcStats stats, long nowNanos) {
        if (previous != null && nowNanos > previousNanos) {
            double seconds = (nowNanos - previousNanos) / 1e9;
            cpuPercent = 100.0 * (stats.cpuTicks() - previous.cpuTicks()) / ProcStats.TICKS_PER_SECOND / seconds;
            cpuSum += cpuPercent;
            cpuSamples++;
            cpuMax = Math.max(cpuMax, cpuPercent);
        }
        if (rssFirst < 0) {
            rssFirst = stats.rssBytes();
        }
        rssMax = Math.max(rssMax, stats.rssBytes());
        rssLast = stats.rssBytes();
        threads = stats.threads();
        previous = stats;
        previousNanos = nowNanos;
    }

    /** Starts the measured window: averages and maxima from here on. */
    public synchronized void resetWindow() {
        cpuSum = 0;
        cpuSamples = 0;
        cpuMax = 0;
        rssMax = rssLast;
    }

    public synchronized ProcessReport report() {
        return new ProcessReport(pid, cpuSamples == 0 ? 0 : cpuSum / cpuSamples, cpuMax, Math.max(rssFirst, 0),
                rssMax, rssLast, threads);
    }

    /** The CPU% of the last interval and the last RSS, for the progress line. */
    public synchronized double lastCpuPercent() {
        return cpuPercent;
    }

    public synchronized long lastRssBytes() {
        return rssLast;
    }

    private Optional<ProcStats> read() {
        try {
            Path dir = proc.resolve(Long.toString(pid));
            return ProcStats.parse(Files.readString(dir.resolve("stat")), Files.readString(dir.resolve("status")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * What a process did during a run.
     *
     * @param cpuAvgPercent average CPU% over the measured window (100 = one core)
     * @param rssStartBytes RSS at the first sample, before the load generator connected
     */
    public record ProcessReport(long pid, double cpuAvgPercent, double cpuMaxPercent, long rssStartBytes,
                                long rssMaxBytes, long rssEndBytes, int threads) {
    }
}
