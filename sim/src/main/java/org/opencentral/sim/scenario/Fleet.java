package org.opencentral.sim.scenario;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.mqtt.ConnectFailure;
import org.opencentral.sim.mqtt.MqttClient;
import org.opencentral.sim.mqtt.MqttConnection;
import org.opencentral.sim.mqtt.ConnectionHandler;

/**
 * Connects every device of a {@link FleetSpec}: at most {@code maxPendingConnects} attempts in
 * flight and {@code connectRate} new ones per second, source addresses round robin. Runs on the
 * caller's thread (never an event loop); failures are counted by kind, not retried.
 */
public final class Fleet implements AutoCloseable {
    private final FleetSpec spec;
    private final Metrics metrics;
    private final MqttClient client;
    private final AtomicReferenceArray<MqttConnection> connections;
    private Report.Connections outcome = new Report.Connections(0, 0, 0, 0);

    public Fleet(FleetSpec spec, Metrics metrics) {
        this.spec = spec;
        this.metrics = metrics;
        this.client = new MqttClient(spec.server(), spec.tls(), spec.threads(), 10_000);
        this.connections = new AtomicReferenceArray<>(spec.devices().size());
    }

    /** Connects all devices, each with the session {@code sessions} makes for it; returns when all have answered. */
    public Report.Connections connect(Function<SimDevice, ConnectionHandler> sessions) throws InterruptedException {
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

    private void connectOne(int index, SimDevice device, ConnectionHandler session, Semaphore pending, CountDownLatch answered) {
        long attempt = System.nanoTime();
        client.connect(spec.connectSpec(device), source(index), session).whenComplete((connection, error) -> {
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
    public List<MqttConnection> connections() {
        List<MqttConnection> list = new java.util.ArrayList<>();
        for (int i = 0; i < connections.length(); i++) {
            MqttConnection c = connections.get(i);
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
        for (MqttConnection connection : connections()) {
            connection.eventLoop().execute(connection::close);
        }
        client.close();
    }
}
