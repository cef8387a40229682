package org.opencentral.sim.scenario;

import java.time.Duration;
import java.time.Instant;
import org.opencentral.sim.client.Connection;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.metrics.Report;

/**
 * Connection soak: open N idle connections (at the fleet's connect rate, from its source
 * addresses), hold them for {@code hold} while sampling the server, then disconnect. The report's
 * server RSS start/max gives memory per connection; disconnects during the hold are errors.
 */
public final class SoakScenario {
    private SoakScenario() {
    }

    public static Report run(FleetSpec spec, Duration hold, RunContext context) throws InterruptedException {
        Metrics metrics = new Metrics();
        Instant started = Instant.now();
        try (RunLoop loop = Reports.loop(metrics, context); Fleet<?> fleet = Fleet.of(spec, metrics)) {
            loop.phase("connect");
            Report.Connections connections = fleet.connect(device -> new IdleSession(metrics));
            context.out().printf("connected %,d of %,d in %.1f s (%,.0f/s); holding for %d s%n",
                    connections.established(), connections.requested(), connections.seconds(), connections.perSecond(),
                    hold.toSeconds());
            RunLoop.Measurement measurement = loop.measure(Duration.ZERO, hold);
            return Reports.of("soak", spec, context, started, metrics, connections, loop, measurement);
        }
    }

    /** A connection that only keeps itself alive. */
    static final class IdleSession extends ScenarioSession<Connection> {
        IdleSession(Metrics metrics) {
            super(metrics);
        }
    }
}
