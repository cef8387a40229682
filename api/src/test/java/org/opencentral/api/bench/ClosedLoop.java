package org.opencentral.api.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A bounded closed-loop load: {@code concurrency} virtual threads, each sending its next request as
 * soon as the previous one is answered. Latencies (µs) are recorded after the warm-up only.
 */
final class ClosedLoop {
    /** {@code cpuSeconds}: CPU time of the whole process (clients and server) in the measured window. */
    record Result(String name, long requests, long errors, double seconds, double cpuSeconds, Histogram micros) {
        double perSecond() {
            return requests / seconds;
        }

        double perCpuSecond() {
            return requests / cpuSeconds;
        }
    }

    private final HttpClient client;
    private final int concurrency;

    ClosedLoop(HttpClient client, int concurrency) {
        this.client = client;
        this.concurrency = concurrency;
    }

    Result run(String name, Duration warmup, Duration measured, Supplier<HttpRequest> next)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        LongAdder requests = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            threads.add(Thread.ofVirtual().name(name + "-" + i).start(() -> loop(next, recorder, requests, errors,
                    stop)));
        }
        Thread.sleep(warmup); // a benchmark, not a test: it waits on the wall clock on purpose
        recorder.reset();
        requests.reset();
        errors.reset();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        Thread.sleep(measured);
        Histogram histogram = recorder.getIntervalHistogram();
        long count = requests.sum();
        long failed = errors.sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(name, count, failed, seconds, cpuSeconds, histogram);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void loop(Supplier<HttpRequest> next, Recorder recorder, LongAdder requests, LongAdder errors,
            AtomicBoolean stop) {
        while (!stop.get()) {
            HttpRequest request = next.get();
            long start = System.nanoTime();
            try {
                int status = client.send(request, BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    errors.increment();
                }
            } catch (java.io.IOException e) {
                errors.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
            requests.increment();
        }
    }
}
