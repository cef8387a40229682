package org.opencentral.sim.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.opencentral.sim.metrics.ProcSampler.ProcessReport;

/**
 * The results of one run.
 *
 * @param scenario        {@code ingest}, {@code soak}, {@code command} or {@code twin}
 * @param target          where the load went, e.g. {@code iothub mqtts://127.0.0.1:8883}
 * @param settings        the run's parameters, as given
 * @param measuredSeconds length of the measured window (after warm-up)
 * @param latency         publish→PUBACK (ingest), REST round trip (command) or PATCH→204 (twin)
 * @param warmupLatency   the same during the warm-up, which {@code latency} leaves out
 * @param server          the server process, when its pid was known
 * @param client          this load generator's own process
 */
public record Report(String scenario, String target, Map<String, String> settings, Instant started,
                     double measuredSeconds, Connections connections, Throughput throughput, LatencySummary latency,
                     LatencySummary warmupLatency, LatencySummary connectLatency, Map<String, Long> errors, Optional<ProcessReport> server,
                     ProcessReport client) {
    public Report {
        Objects.requireNonNull(scenario, "scenario");
        settings = Map.copyOf(settings);
        errors = new TreeMap<>(errors);
        Objects.requireNonNull(server, "server");
    }

    /**
     * @param requested   connections the run asked for
     * @param established connections that got CONNACK 0
     * @param failed      connection attempts that failed
     * @param seconds     time from the first attempt to the last answer
     */
    public record Connections(int requested, long established, long failed, double seconds) {
        public double perSecond() {
            return seconds > 0 ? established / seconds : 0;
        }
    }

    /** Messages (or requests) sent and acknowledged during the measured window. */
    public record Throughput(long sent, long acked, double seconds) {
        public double sentPerSecond() {
            return seconds > 0 ? sent / seconds : 0;
        }

        public double ackedPerSecond() {
            return seconds > 0 ? acked / seconds : 0;
        }
    }
}
