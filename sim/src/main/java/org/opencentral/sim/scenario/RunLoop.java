package org.opencentral.sim.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.opencentral.sim.metrics.LatencySummary;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.metrics.ProcSampler;
import org.opencentral.sim.metrics.ProgressLine;

/**
 * The clock of a run: once per second it samples the processes, takes the interval's latencies and
 * prints the progress line; during the warm-up it adds them to the warm-up's histogram, between
 * {@link #startMeasuring()} and {@link #stopMeasuring()} to the run's, and after that (the drain) to
 * a histogram that {@link #withDrained} adds to the run's.
 */
public final class RunLoop implements AutoCloseable {
    private final Metrics metrics;
    private final Optional<ProcSampler> server;
    private final ProcSampler self;
    private final PrintStream out;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("progress").factory());
    private final Histogram warmup = new Histogram(3);
    private final Histogram measured = new Histogram(3);
    private final Histogram drained = new Histogram(3);
    private Histogram recycled;
    private String phase = "setup";
    private long phaseStart = System.nanoTime();
    private long lastTick = System.nanoTime();
    private Metrics.Counters last;
    private Metrics.Counters atMeasureStart;
    private long measureStart;
    private Stage stage = Stage.SETUP;

    public RunLoop(Metrics metrics, Optional<ProcSampler> server, ProcSampler self, PrintStream out) {
        this.metrics = metrics;
        this.server = server;
        this.self = self;
        this.out = out;
        this.last = metrics.counters();
        server.ifPresent(ProcSampler::sample);
        self.sample();
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    public synchronized void phase(String name) {
        phase = name;
        phaseStart = System.nanoTime();
    }

    /** Runs a warm-up (not measured) and then the measured window, printing progress; returns the window. */
    public Measurement measure(Duration warmup, Duration duration) throws InterruptedException {
        return measure(warmup, duration, () -> { }, () -> false);
    }

    /**
     * Like {@link #measure(Duration, Duration)}, but starts the load itself ({@code start}) and ends
     * the window early once {@code finished} says so. Without a warm-up the window opens before the
     * load starts, so that a run of a fixed number of messages measures every one of them.
     */
    public Measurement measure(Duration warmup, Duration duration, Runnable start, BooleanSupplier finished)
            throws InterruptedException {
        if (warmup.isZero()) {
            startMeasuring();
            start.run();
        } else {
            start.run();
            startWarmup();
            Thread.sleep(warmup);
            startMeasuring();
        }
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end && !finished.getAsBoolean()) {
            Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
        return stopMeasuring();
    }

    private synchronized void startWarmup() {
        phase("warm-up");
        recycled = metrics.latency().getIntervalHistogram(recycled);
        warmup.reset();
        stage = Stage.WARMUP;
    }

    public synchronized void startMeasuring() {
        phase("measure");
        recycled = metrics.latency().getIntervalHistogram(recycled);
        if (stage == Stage.WARMUP) {
            warmup.add(recycled);
        }
        measured.reset();
        atMeasureStart = metrics.counters();
        measureStart = System.nanoTime();
        server.ifPresent(ProcSampler::resetWindow);
        self.resetWindow();
        stage = Stage.MEASURE;
    }

    public synchronized Measurement stopMeasuring() {
        measured.add(metrics.latency().getIntervalHistogram());
        drained.reset();
        stage = Stage.DRAIN;
        server.ifPresent(ProcSampler::sample);
        self.sample();
        double seconds = (System.nanoTime() - measureStart) / 1e9;
        phase("drain");
        return new Measurement(measured.copy(), warmup.copy(), metrics.counters().minus(atMeasureStart), seconds);
    }

    /**
     * The measurement with the latencies recorded since it stopped (the drain) added: the last messages
     * sent in the window, which are also the ones that waited longest when the server fell behind.
     */
    public synchronized Measurement withDrained(Measurement measurement) {
        drained.add(metrics.latency().getIntervalHistogram());
        Histogram all = measurement.latencyMicros().copy();
        all.add(drained);
        drained.reset();
        stage = Stage.SETUP;
        return new Measurement(all, measurement.warmupMicros(), measurement.delta(), measurement.seconds());
    }

    private synchronized void tick() {
        try {
            server.ifPresent(ProcSampler::sample);
            self.sample();
            recycled = metrics.latency().getIntervalHistogram(recycled);
            switch (stage) {
                case WARMUP -> warmup.add(recycled);
                case MEASURE -> measured.add(recycled);
                case DRAIN -> drained.add(recycled);
                case SETUP -> { }
            }
            long now = System.nanoTime();
            Metrics.Counters counters = metrics.counters();
            out.println(ProgressLine.format(phase, (now - phaseStart) / 1_000_000_000L, counters, counters.minus(last),
                    (now - lastTick) / 1e9, LatencySummary.ofMicros(recycled), server));
            last = counters;
            lastTick = now;
        } catch (RuntimeException e) {
            out.println("progress: " + e);
        }
    }

    public ProcSampler.ProcessReport selfReport() {
        return self.report();
    }

    public Optional<ProcSampler.ProcessReport> serverReport() {
        return server.map(ProcSampler::report);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private enum Stage { SETUP, WARMUP, MEASURE, DRAIN }

    /** The measured window: latencies (and the warm-up's) in microseconds, counter deltas, its length. */
    public record Measurement(Histogram latencyMicros, Histogram warmupMicros, Metrics.Counters delta,
                              double seconds) {
    }
}
