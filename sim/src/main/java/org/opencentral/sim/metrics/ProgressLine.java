package org.opencentral.sim.metrics;

import java.util.Locale;
import java.util.Optional;

/** The line printed once per second while a run goes on. */
public final class ProgressLine {
    private ProgressLine() {
    }

    /**
     * @param phase    {@code warm-up}, {@code measure}…
     * @param elapsed  seconds since the phase started
     * @param delta    counters of the last interval (rates per second when the interval is one second)
     * @param interval latencies of the last interval
     */
    public static String format(String phase, long elapsed, Metrics.Counters total, Metrics.Counters delta,
                                double intervalSeconds, LatencySummary interval, Optional<ProcSampler> server) {
        double seconds = Math.max(intervalSeconds, 1e-3);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%-7s %4ds] conn %s", phase, elapsed,
                Units.count(total.connected())));
        line.append("  sent ").append(Units.count(delta.sent() / seconds)).append("/s");
        line.append("  acked ").append(Units.count(delta.acked() / seconds)).append("/s");
        line.append("  in flight ").append(Units.count(Math.max(0, total.sent() - total.acked())));
        if (interval.count() > 0) {
            line.append("  p50 ").append(Units.ms(interval.p50Ms())).append(" p99 ").append(Units.ms(interval.p99Ms()))
                    .append(" p99.9 ").append(Units.ms(interval.p999Ms())).append(" max ").append(Units.ms(interval.maxMs())).append(" ms");
        }
        line.append("  errors ").append(Units.count(total.errors()));
        server.ifPresent(s -> line.append("  server cpu ").append(Units.percent(s.lastCpuPercent()))
                .append(" rss ").append(Units.bytes(s.lastRssBytes())));
        return line.toString();
    }
}
