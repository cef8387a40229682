package org.opencentral.sim.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencentral.sim.metrics.ProcSampler.ProcessReport;

/** The final table a run prints: one labelled line per aspect. */
public final class ReportTable {
    private ReportTable() {
    }

    public static String format(Report r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "== %s  %s  (%.1f s measured) ==%n", r.scenario(), r.target(),
                r.measuredSeconds()));
        var c = r.connections();
        line(out, "connections", "%s / %s established in %.1f s (%s/s), %s failed".formatted(Units.count(c.established()),
                Units.count(c.requested()), c.seconds(), Units.count(c.perSecond()), Units.count(c.failed())));
        line(out, "connect (ms)", latency(r.connectLatency()));
        var t = r.throughput();
        line(out, "messages", "sent %s (%s/s), acknowledged %s (%s/s)".formatted(Units.count(t.sent()),
                Units.count(t.sentPerSecond()), Units.count(t.acked()), Units.count(t.ackedPerSecond())));
        line(out, "latency (ms)", latency(r.latency()));
        if (r.warmupLatency().count() > 0) {
            line(out, "warm-up (ms)", latency(r.warmupLatency()));
        }
        line(out, "errors", errors(r.errors()));
        r.server().ifPresent(s -> line(out, "server", process(s)));
        line(out, "load generator", process(r.client()));
        return out.toString();
    }

    static String latency(LatencySummary l) {
        if (l.count() == 0) {
            return "-";
        }
        return "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (n=%s)".formatted(Units.ms(l.p50Ms()), Units.ms(l.p90Ms()),
                Units.ms(l.p99Ms()), Units.ms(l.p999Ms()), Units.ms(l.maxMs()), Units.count(l.count()));
    }

    static String errors(Map<String, Long> errors) {
        return errors.isEmpty() ? "none" : errors.entrySet().stream()
                .map(e -> e.getKey() + "=" + Units.count(e.getValue())).collect(Collectors.joining(", "));
    }

    static String process(ProcessReport p) {
        return "pid %d  cpu avg %s max %s  rss start %s max %s end %s  threads %d".formatted(p.pid(),
                Units.percent(p.cpuAvgPercent()), Units.percent(p.cpuMaxPercent()), Units.bytes(p.rssStartBytes()),
                Units.bytes(p.rssMaxBytes()), Units.bytes(p.rssEndBytes()), p.threads());
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-15s %s%n", label, value));
    }
}
