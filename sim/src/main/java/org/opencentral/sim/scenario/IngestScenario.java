package org.opencentral.sim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.metrics.Report;

/**
 * Telemetry ingest: connect the fleet, let every device publish (windowed, at a total rate, or open
 * loop at a rate per device), warm up, measure publish→PUBACK latency and throughput, drain (the
 * drained messages' latencies count), disconnect; with a sequence file, write each device's
 * acknowledged message numbers to it.
 */
public final class IngestScenario {
    private IngestScenario() {
    }

    public static Report run(FleetSpec spec, IngestSettings settings, RunContext context) throws InterruptedException {
        if (spec.protocol() == Protocol.AMQP && settings.qos() != 1) {
            throw new IllegalArgumentException("AMQP ingest sends unsettled transfers: --qos 1 only");
        }
        Metrics metrics = new Metrics();
        Instant started = Instant.now();
        byte[] body = Payload.json(settings.messageBytes(), settings.fields());
        double perConnection = settings.ratePerSecond() / Math.max(1, spec.devices().size());
        List<IngestSession> sessions = new CopyOnWriteArrayList<>();
        Map<String, Sequence> sequences = new ConcurrentHashMap<>();
        Report report;
        try (RunLoop loop = Reports.loop(metrics, context); Fleet<?> fleet = Fleet.of(spec, metrics)) {
            loop.phase("connect");
            Report.Connections connections = fleet.connect(device -> {
                Sequence sequence = settings.sequenceFile().isEmpty() ? null
                        : sequences.computeIfAbsent(device.id(), Sequence::new);
                IngestSession session = new IngestSession(metrics, spec.telemetryTopic(device), body, settings,
                        perConnection, sequence);
                sessions.add(session);
                return session;
            });
            Runnable start = () -> sessions.forEach(IngestSession::start);
            RunLoop.Measurement measurement = loop.measure(settings.warmup(), settings.duration(), start,
                    settings.messagesPerDevice() == 0 ? () -> false : () -> allFinished(sessions, metrics));
            sessions.forEach(IngestSession::stop);
            Reports.drain(metrics, 5);
            measurement = loop.withDrained(measurement);
            report = Reports.of("ingest", spec, context, started, metrics, connections, loop, measurement);
        }
        settings.sequenceFile().ifPresent(file -> write(file, spec, sequences));
        return report;
    }

    /** One line per device of the fleet, in its order (a device that never connected sent nothing). */
    private static void write(Path file, FleetSpec spec, Map<String, Sequence> sequences) {
        List<String> lines = spec.devices().stream()
                .map(device -> sequences.getOrDefault(device.id(), new Sequence(device.id())).line()).toList();
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Sessions first: once all are finished their sends are counted, and the counters can be compared. */
    private static boolean allFinished(List<IngestSession> sessions, Metrics metrics) {
        if (!sessions.stream().allMatch(IngestSession::finished)) {
            return false;
        }
        Metrics.Counters counters = metrics.counters();
        return counters.acked() >= counters.sent();
    }
}
