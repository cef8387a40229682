package org.opencentral.sim.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.mqtt.MqttConnection;

/** Twin updates: every device sends reported patches, {@code window} at a time, and the PATCH→204 latency is measured. */
public final class TwinScenario {
    private TwinScenario() {
    }

    public static Report run(FleetSpec spec, int window, Duration warmup, Duration duration, RunContext context)
            throws InterruptedException {
        Metrics metrics = new Metrics();
        Instant started = Instant.now();
        List<TwinSession> sessions = new CopyOnWriteArrayList<>();
        try (RunLoop loop = Reports.loop(metrics, context); Fleet<MqttConnection> fleet = Fleet.mqtt(spec, metrics, "twin")) {
            loop.phase("connect");
            Report.Connections connections = fleet.connect(device -> {
                TwinSession session = new TwinSession(metrics, window);
                sessions.add(session);
                return session;
            });
            for (TwinSession session : sessions) {
                if (session.connection != null) {
                    session.subscribed.orTimeout(30, TimeUnit.SECONDS)
                            .thenRun(session::start)
                            .exceptionally(e -> {
                                metrics.error("subscribe_failed");
                                return null;
                            });
                }
            }
            RunLoop.Measurement measurement = loop.measure(warmup, duration);
            sessions.forEach(TwinSession::stop);
            Reports.drain(metrics, 5);
            return Reports.of("twin", spec, context, started, metrics, connections, loop, measurement);
        }
    }
}
