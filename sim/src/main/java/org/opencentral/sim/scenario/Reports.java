package org.opencentral.sim.scenario;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.opencentral.sim.metrics.LatencySummary;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.metrics.ProcSampler;
import org.opencentral.sim.metrics.Report;

/** Assembles a {@link Report} from a run's pieces, and the helpers every scenario's ending shares. */
final class Reports {
    private Reports() {
    }

    static Report of(String scenario, FleetSpec fleet, RunContext context, Instant started, Metrics metrics,
                     Report.Connections connections, RunLoop loop, RunLoop.Measurement measurement) {
        return new Report(scenario, fleet.describe(), context.settings(), started, measurement.seconds(), connections,
                new Report.Throughput(measurement.delta().sent(), measurement.delta().acked(), measurement.seconds()),
                LatencySummary.ofMicros(measurement.latencyMicros()), LatencySummary.ofMicros(measurement.warmupMicros()),
                LatencySummary.ofMicros(metrics.connectLatency().getIntervalHistogram()),
                metrics.errors().snapshot(), loop.serverReport(), loop.selfReport());
    }

    static RunLoop loop(Metrics metrics, RunContext context) {
        Optional<ProcSampler> server = context.serverPid().map(ProcSampler::new);
        return new RunLoop(metrics, server, new ProcSampler(ProcessHandle.current().pid()), context.out());
    }

    /** Waits (at most {@code seconds}) until everything sent has been acknowledged; counts what was not. */
    static void drain(Metrics metrics, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Metrics.Counters c = metrics.counters();
            if (c.acked() >= c.sent()) {
                return;
            }
            Thread.sleep(50);
        }
        Metrics.Counters c = metrics.counters();
        if (c.sent() > c.acked()) {
            // one per message: in an open loop these are the slowest of the run, left out of its latency
            metrics.errors("unacknowledged_after_drain", c.sent() - c.acked());
        }
    }
}
