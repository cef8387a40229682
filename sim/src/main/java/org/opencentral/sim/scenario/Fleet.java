package org.opencentral.sim.scenario;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.opencentral.sim.amqp.AmqpClient;
import org.opencentral.sim.client.ConnectFailure;
import org.opencentral.sim.client.Connection;
import org.opencentral.sim.client.ConnectionHandler;
import org.opencentral.sim.client.DeviceClient;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.mqtt.MqttClient;
import org.opencentral.sim.mqtt.MqttConnection;

/**
 * Connects every device of a {@link FleetSpec}: at most {@code maxPendingConnects} attempts in
 * flight and {@code connectRate} new ones per second, source addresses round robin. Runs on the
 * caller's thread (never an event loop); failures are counted by kind, not retried.
 *
 * @param <C> the connections of the fleet's protocol
 */
public final class Fleet<C extends Connection> implements AutoCloseable {
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;

    private final FleetSpec spec;
    private final Metrics metrics;
    private final DeviceClient<C> client;
    private final AtomicReferenceArray<C> connections;
    private Report.Connections outcome = new Report.Connections(0, 0, 0, 0);

    private Fleet(FleetSpec spec, Metrics metrics, DeviceClient<C> client) {
        this.spec = spec;
        this.metrics = metrics;
        this.client = client;
        this.connections = new AtomicReferenceArray<>(spec.devices().size());
    }

    /** A fleet of the spec's protocol, for scenarios that only send and receive acknowledgements. */
    public static Fleet<? extends Connection> of(FleetSpec spec, Metrics metrics) {
        return switch (spec.protocol()) {
            case MQTT -> mqtt(spec, metrics);
            case AMQP -> new Fleet<>(spec, metrics, new AmqpClient(spec.server(), spec.tls(), spec.threads(),
                    CONNECT_TIMEOUT_MILLIS, spec::amqpLogin));
        };
    }

    /** An MQTT fleet, for scenarios that subscribe ({@code scenario} names the scenario in the refusal of AMQP). */
    public static Fleet<MqttConnection> mqtt(FleetSpec spec, Metrics metrics, String scenario) {
        if (spec.protocol() != Protocol.MQTT) {
            throw new IllegalArgumentException("the " + scenario + " scenario speaks MQTT only");
        }
        return mqtt(spec, metrics);
    }

    private static Fleet<MqttConnection> mqtt(FleetSpec spec, Metrics metrics) {
        return new Fleet<>(spec, metrics, new MqttClient(spec.server(), spec.tls(), spec.threads(),
                CONNECT_TIMEOUT_MILLIS, spec::connectSpec));
    }

    /** Connects all devices, each with the session {@code sessions} makes for it; returns when all have answered. */
    public Report.Connections connect(Function<SimDevice, ? extends ConnectionHandler<? super C>> sessions)
            throws InterruptedException {
        List<SimDevice> devices = spec.devices();
        Semaphore pending = new Semaphore(spec.maxPendingConnects());
        CountDownLatch answered = new CountDownLatch(devices.size());
        long start = System.nanoTime();
        long intervalNanos = spec.connectRate() > 0 ? (long) (1e9 / spec.connectRate()) : 0;
        long budget = spec.connectBudget().isZero() ? Long.MAX_VALUE : spec.connectBudget().toNanos();
        for (int i = 0; i < devices.size(); i++) {
            if (System.nanoTime() - start > budget) {
                metrics.error("not_attempted_connect_budget_spent");
                answered.countDown();
                continue;
            }
            pending.acquire();
            pace(start, i, intervalNanos);
            connectOne(i, devices.get(i), sessions.apply(devices.get(i)), pending, answered);
        }
        if (!answered.await(120, TimeUnit.SECONDS)) {
            metrics.error("connect_unanswered");
        }
        long established = metrics.counters().connectsSucceeded();
        outcome = new Report.Connections(devices.size(), established, metrics.counters().connectsFailed(),
                (System.nanoTime() - start) / 1e9);
        return outcome;
    }

    private void connectOne(int index, SimDevice device, ConnectionHandler<? super C> session, Semaphore pending,
                            CountDownLatch answered) {
        long attempt = System.nanoTime();
        client.connect(device, source(index), session).whenComplete((connection, error) -> {
            pending.release();
            if (error == null) {
                connections.set(index, connection);
                metrics.connected(System.nanoTime() - attempt);
            } else {
                metrics.connectFailed(ConnectFailure.kindOf(error));
            }
            answered.countDown();
        });
    }

    private Optional<InetAddress> source(int index) {
        List<InetAddress> sources = spec.sources();
        return sources.isEmpty() ? Optional.empty() : Optional.of(sources.get(index % sources.size()));
    }

    private static void pace(long start, int index, long intervalNanos) throws InterruptedException {
        long due = start + index * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The established connections, in device order (devices that failed to connect are skipped). */
    public List<C> connections() {
        List<C> list = new java.util.ArrayList<>();
        for (int i = 0; i < connections.length(); i++) {
            C c = connections.get(i);
            if (c != null) {
                list.add(c);
            }
        }
        return list;
    }

    public Report.Connections outcome() {
        return outcome;
    }

    public FleetSpec spec() {
        return spec;
    }

    /** Disconnects every connection and stops the event loops. */
    @Override
    public void close() {
        for (C connection : connections()) {
            connection.eventLoop().execute(connection::close);
        }
        client.close();
    }
}
