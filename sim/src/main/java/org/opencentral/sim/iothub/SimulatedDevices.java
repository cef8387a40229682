package org.opencentral.sim.iothub;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates devices that the server simulates (no connection from here): publishes a small template
 * (8 numeric telemetry values, one event, a writable property, a command) and creates the devices
 * with {@code simulated: true} through the REST API, {@code concurrency} at a time.
 */
public final class SimulatedDevices {
    public static final String TEMPLATE = "dtmi:opencentral:bench:SimulatedSensor;1";
    private static final String TEMPLATE_JSON = """
            {"@type":["ModelDefinition","DeviceModel"],"displayName":"Bench simulated sensor",
             "capabilityModel":{"@id":"dtmi:opencentral:bench:cm:SimulatedSensor;1","@type":"Interface",
              "displayName":"Simulated sensor","contents":[
               {"@type":["Telemetry","Temperature"],"name":"temperature","schema":"double","unit":"degreeCelsius"},
               {"@type":["Telemetry","RelativeHumidity"],"name":"humidity","schema":"double","unit":"percent"},
               {"@type":["Telemetry","Pressure"],"name":"pressure","schema":"double","unit":"kilopascal"},
               {"@type":"Telemetry","name":"vibration","schema":"double"},
               {"@type":"Telemetry","name":"voltage","schema":"double"},
               {"@type":"Telemetry","name":"current","schema":"double"},
               {"@type":"Telemetry","name":"rpm","schema":"integer"},
               {"@type":"Telemetry","name":"level","schema":"double"},
               {"@type":["Telemetry","Event"],"name":"alarm","schema":"string"},
               {"@type":"Property","name":"interval","schema":"integer","writable":true},
               {"@type":"Command","name":"ping","response":{"name":"pong","schema":"string"}}]}}""";

    private final DeviceApi api;
    private final int concurrency;
    private final PrintStream progress;

    public SimulatedDevices(DeviceApi api, int concurrency, PrintStream progress) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        this.api = api;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    /** Publishes the template, then creates (or keeps) the devices; fails on the first error. */
    public void create(List<String> ids) throws IOException, InterruptedException {
        api.putTemplate(TEMPLATE, TEMPLATE_JSON);
        Semaphore permits = new Semaphore(concurrency);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Void>> futures = new ArrayList<>(ids.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
             var ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory())) {
            ticker.scheduleAtFixedRate(() -> report(done.get(), ids.size(), start), 1, 1, TimeUnit.SECONDS);
            for (String id : ids) {
                permits.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        api.createSimulatedDevice(id, TEMPLATE);
                        return null;
                    } finally {
                        done.incrementAndGet();
                        permits.release();
                    }
                }));
            }
            for (Future<Void> future : futures) {
                await(future);
            }
            ticker.shutdownNow();
            report(done.get(), ids.size(), start);
        }
    }

    private static void await(Future<Void> future) throws IOException, InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void report(int done, int total, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        progress.printf("creating simulated devices: %,d/%,d (%.0f/s)%n", done, total,
                seconds > 0 ? done / seconds : 0.0);
    }
}
