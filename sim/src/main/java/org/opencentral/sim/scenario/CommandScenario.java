package org.opencentral.sim.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.opencentral.sim.iothub.DeviceApi;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.mqtt.MqttConnection;

/**
 * Command round trip: devices answer direct methods; {@code concurrency} virtual threads call
 * {@code POST /api/devices/{id}/commands/{name}} over the devices in turn, and the latency is the
 * whole REST call (API → MQTT PUBLISH → device answer → HTTP 201).
 */
public final class CommandScenario {
    private CommandScenario() {
    }

    public static Report run(FleetSpec spec, DeviceApi api, String command, int concurrency, Duration warmup,
                             Duration duration, RunContext context) throws InterruptedException {
        Metrics metrics = new Metrics();
        Instant started = Instant.now();
        List<MethodResponder> responders = new CopyOnWriteArrayList<>();
        try (RunLoop loop = Reports.loop(metrics, context); Fleet<MqttConnection> fleet = Fleet.mqtt(spec, metrics, "command")) {
            loop.phase("connect");
            Report.Connections connections = fleet.connect(device -> {
                MethodResponder responder = new MethodResponder(metrics);
                responders.add(responder);
                return responder;
            });
            awaitSubscriptions(responders, metrics);
            AtomicBoolean running = new AtomicBoolean(true);
            RunLoop.Measurement measurement;
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                AtomicLong next = new AtomicLong();
                for (int i = 0; i < concurrency; i++) {
                    callers.submit(() -> callLoop(api, spec.devices(), command, next, running, metrics));
                }
                measurement = loop.measure(warmup, duration);
                running.set(false);
            }
            return Reports.of("command", spec, context, started, metrics, connections, loop, measurement);
        }
    }

    private static void awaitSubscriptions(List<MethodResponder> responders, Metrics metrics) {
        CompletableFuture<?>[] all = responders.stream().filter(r -> r.connection != null)
                .map(r -> r.subscribed.exceptionally(e -> {
                    metrics.error("subscribe_failed");
                    return null;
                })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(all).orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    private static void callLoop(DeviceApi api, List<SimDevice> devices, String command, AtomicLong next,
                                 AtomicBoolean running, Metrics metrics) {
        while (running.get()) {
            SimDevice device = devices.get((int) (next.getAndIncrement() % devices.size()));
            long start = System.nanoTime();
            metrics.sent(1);
            try {
                int status = api.runCommand(device.id(), command, "{\"n\":" + next.get() + "}");
                if (status == 201 || status == 200) {
                    metrics.acked(System.nanoTime() - start);
                } else {
                    metrics.error("http_" + status);
                }
            } catch (java.io.IOException e) {
                metrics.error("http_io_error");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
