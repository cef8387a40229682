package org.opencentral.transport;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Sender;
import org.opencentral.core.device.Device;

/**
 * Not a test: AMQP and MQTT ingest side by side on one in-process node (TLS, the same event log).
 * N devices per protocol, each with W telemetry messages in flight, as fast as the server settles
 * (AMQP: a raw Proton-J client per device, a transfer accepted once durable) or acknowledges them
 * (MQTT: QoS 1, PUBACK once durable); send → settlement latency. Run by {@code bench/amqp-ingest}.
 */
public final class AmqpIngestBenchmark {
    private static final byte[] BODY = "{\"temperature\":21.5,\"humidity\":40,\"pressure\":1013.2,\"voltage\":3.3}"
            .getBytes(StandardCharsets.UTF_8);

    private AmqpIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Duration warmup = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 5);
        Duration measured = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 20);
        Path dir = Files.createTempDirectory("amqp-bench");
        try (TestPlatform platform = TestPlatform.start(dir, MqttLimits.DEFAULTS.withRate(1_000_000, 1_000_000))) {
            System.out.printf("devices=%d window=%d warmup=%ss measured=%ss body=%d bytes%n", devices, window,
                    warmup.toSeconds(), measured.toSeconds(), BODY.length);
            run("MQTT", platform, devices, warmup, measured, device -> mqtt(platform, device, window));
            run("AMQP", platform, devices, warmup, measured, device -> amqp(platform, device, window));
        }
        System.exit(0); // the MQTT test client's shared event loop threads would keep the JVM alive
    }

    /** One device's load loop until the deadline; answers its latencies (ns) after the warm-up. */
    private interface Load {
        Runner start(Device device) throws Exception;
    }

    private interface Runner {
        List<Long> run(long warmupEnd, long end) throws Exception;
    }

    private static void run(String name, TestPlatform platform, int devices, Duration warmup, Duration measured,
            Load load) throws Exception {
        List<Runner> runners = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            runners.add(load.start(platform.createDevice(name.toLowerCase() + "-bench-" + i)));
        }
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + measured.toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (Runner runner : runners) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    latencies.addAll(runner.run(warmupEnd, end));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%s: %,d messages in %ds = %,.0f msg/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", name,
                sorted.size(), measured.toSeconds(), sorted.size() / (double) measured.toSeconds(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.max(0, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static Runner amqp(TestPlatform platform, Device device, int window) throws Exception {
        TestAmqpDevice client = new TestAmqpDevice(platform.amqpsPort(), platform.certificate.cert());
        if (client.putToken(device.id().value(), TestPlatform.validToken(device)) != 200) {
            throw new IllegalStateException("put-token refused");
        }
        Sender sender = client.sender("/devices/" + device.id() + "/messages/events");
        return (warmupEnd, end) -> {
            List<Long> latencies = new ArrayList<>();
            Map<Delivery, Long> inFlight = new HashMap<>();
            try (client) {
                while (System.nanoTime() < end) {
                    while (inFlight.size() < window) {
                        inFlight.put(client.sendWithoutWaiting(sender, BODY), System.nanoTime());
                    }
                    client.pump();
                    long now = System.nanoTime();
                    inFlight.entrySet().removeIf(sent -> {
                        if (!sent.getKey().remotelySettled()) {
                            return false;
                        }
                        if (sent.getValue() >= warmupEnd && now < end) {
                            latencies.add(now - sent.getValue());
                        }
                        sent.getKey().settle();
                        return true;
                    });
                }
            }
            return latencies;
        };
    }

    private static Runner mqtt(TestPlatform platform, Device device, int window) {
        TestMqttDevice client = platform.connect(device);
        String topic = "devices/" + device.id() + "/messages/events/";
        return (warmupEnd, end) -> {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Semaphore slots = new Semaphore(window);
            AtomicLong failures = new AtomicLong();
            try (client) {
                while (System.nanoTime() < end) {
                    slots.acquire();
                    long sent = System.nanoTime();
                    client.publish(topic, BODY, MqttQoS.AT_LEAST_ONCE).whenComplete((ack, error) -> {
                        long now = System.nanoTime();
                        if (error != null) {
                            failures.incrementAndGet();
                        } else if (sent >= warmupEnd && now < end) {
                            latencies.add(now - sent);
                        }
                        slots.release();
                    });
                }
                slots.acquire(window);
            }
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " publishes failed");
            }
            return latencies;
        };
    }
}
