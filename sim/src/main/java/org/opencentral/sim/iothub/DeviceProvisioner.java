package org.opencentral.sim.iothub;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates devices through the REST API, {@code concurrency} at a time, printing progress each second. */
public final class DeviceProvisioner {
    private final DeviceApi api;
    private final int concurrency;
    private final PrintStream progress;

    public DeviceProvisioner(DeviceApi api, int concurrency, PrintStream progress) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        this.api = api;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    /** Creates {@code ids} in order and returns them with their keys; fails on the first error. */
    public List<SimDevice> create(List<String> ids) throws IOException, InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<SimDevice>> futures = new ArrayList<>(ids.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
             var ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory())) {
            ticker.scheduleAtFixedRate(() -> report(done.get(), ids.size(), start), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
            for (String id : ids) {
                permits.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        return new SimDevice(id, Optional.of(createWithRetries(id)));
                    } finally {
                        done.incrementAndGet();
                        permits.release();
                    }
                }));
            }
            List<SimDevice> devices = collect(futures);
            ticker.shutdownNow();
            report(devices.size(), ids.size(), start);
            return devices;
        }
    }

    /** Creates one device; server errors (5xx, I/O) are retried twice, client errors (4xx) are not. */
    private String createWithRetries(String id) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return api.createDevice(id);
            } catch (DeviceApi.RestException e) {
                if (e.status() < 500 || attempt == 3) {
                    throw e;
                }
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
            Thread.sleep(200L * attempt);
        }
    }

    private static List<SimDevice> collect(List<Future<SimDevice>> futures) throws IOException, InterruptedException {
        List<SimDevice> devices = new ArrayList<>(futures.size());
        for (Future<SimDevice> future : futures) {
            try {
                devices.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return devices;
    }

    private void report(int done, int total, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        progress.printf("creating devices: %,d/%,d (%.0f/s)%n", done, total, seconds > 0 ? done / seconds : 0.0);
    }
}
