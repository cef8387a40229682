package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.eventlog.Batching;
import org.opencentral.platform.template.TemplateDraft;

/**
 * Benchmark (not a test) of the rule engine alone, in the shape of {@code bench/rules}: {@code T}
 * templates with telemetry {@code f0}…{@code f7}, {@code D} devices spread over them, {@code R}
 * threshold rules (rule k watches template k % T: {@code f(k % 8) > threshold}; one rule in 100
 * holds), and {@code M} telemetry messages of 8 fields appended to the DuckDB log beforehand. The
 * engine then reads the log in the consumers' default batches (as {@code ConsumerRunner} does) on
 * a SQLite state store; prints the events evaluated per second by {@link RuleEngine#handle} alone
 * and with the log reads, the process CPU, the fires stored, and the CPU per 100,000 events (the process's,
 * and the evaluating thread's in {@code handle} alone) over all of them and over the second half alone
 * (every device seen, rules loaded, JIT warm).
 * {@code varying}: each message's values differ (real devices), else every device sends the same
 * body (as {@code bench/sim} does).
 *
 * <pre>args: [devices 10000] [rules 1000] [templates 10] [messages 400000] [varying|constant]
 * ./mvnw -B -ntp -q -pl platform -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt \
 *     -Dmdep.includeScope=test
 * java -Xmx4g --enable-native-access=ALL-UNNAMED -cp platform/target/test-classes:platform/target/classes:$(cat /tmp/cp.txt) \
 *     org.opencentral.platform.rules.RuleEngineBenchmark 10000 1000 10 200000 varying</pre>
 */
public final class RuleEngineBenchmark {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final int FIELDS = 8;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RuleEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int templates = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int messages = args.length > 3 ? Integer.parseInt(args[3]) : 400_000;
        boolean varying = args.length <= 4 || args[4].equals("varying");
        Path dir = Files.createTempDirectory("opencentral-rule-bench");
        try (RuleStores stores = new RuleStores(dir, Clock.systemUTC())) {
            setUp(stores, devices, rules, templates);
            append(stores, devices, messages, varying);
            System.out.printf(Locale.ROOT, "devices=%,d rules=%,d templates=%d (%d rules per message) messages=%,d "
                    + "values=%s cores=%d%n", devices, rules, templates, rules / templates, messages,
                    varying ? "varying" : "constant", Runtime.getRuntime().availableProcessors());
            evaluate(stores, messages);
        }
    }

    static void setUp(RuleStores stores, int devices, int rules, int templates) {
        for (int t = 0; t < templates; t++) {
            ObjectNode model = Json.parseObject("{\"@id\": \"dtmi:bench:rules:Sensor" + t
                    + "_cm;1\", \"@type\": \"Interface\", \"@context\": \"dtmi:dtdl:context;2\", \"contents\": []}");
            for (int f = 0; f < FIELDS; f++) {
                model.withArray("contents").addObject().put("@type", "Telemetry").put("name", "f" + f)
                        .put("schema", "double");
            }
            stores.templates.publish(template(t), new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(),
                    Optional.empty(), Optional.of(model)));
        }
        for (int d = 0; d < devices; d++) {
            stores.devices.create(device(d), new DeviceChanges(Optional.empty(), Optional.of(template(d % templates)),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        RuleService service = stores.rules();
        for (int k = 0; k < rules; k++) {
            int field = k % FIELDS;
            double threshold = k % 100 == 0 ? value(field) - 1 : value(field) + 1 + k / 1000.0;
            service.put(String.format(Locale.ROOT, "bench-%04d", k), Json.parseObject(String.format(Locale.ROOT,
                    "{\"template\": \"%s\", \"conditions\": {\"items\": [{\"telemetry\": \"f%d\", \"operator\": \">\", "
                            + "\"value\": %s}]}}", template(k % templates), field, threshold)));
        }
    }

    static void append(RuleStores stores, int devices, int messages, boolean varying) {
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        for (int m = 0; m < messages; m++) {
            StringBuilder body = new StringBuilder("{");
            for (int f = 0; f < FIELDS; f++) {
                double jitter = varying ? (m % 97) / 1000.0 : 0;
                body.append(f == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"f%d\":%.3f", f, value(f) + jitter));
            }
            last = stores.log.append(new TelemetryReceived(device(m % devices), START.plusMillis(m), Optional.empty(),
                    Map.of(), Map.of(), body.append('}').toString().getBytes(StandardCharsets.UTF_8)));
            if (m % 50_000 == 0) {
                last.join();
            }
        }
        last.join();
    }

    private static void evaluate(RuleStores stores, int messages) {
        RuleEngine engine = new RuleEngine(stores.state.rules(), stores.log, stores.enginePorts(), stores.clock);
        long from = stores.state.cursors().position(RuleEngine.NAME);
        long handleNanos = 0;
        long handleCpuNanos = 0;
        long handleCpuHalf = -1;
        long evaluated = 0;
        double cpuBefore = cpuSeconds();
        double cpuHalf = -1;
        long evaluatedHalf = 0;
        long begin = System.nanoTime();
        while (true) {
            List<LoggedEvent> batch = stores.log.read(from, Batching.DEFAULTS.maxEvents());
            if (batch.isEmpty()) {
                break;
            }
            long handleStart = System.nanoTime();
            long handleCpuStart = THREADS.getCurrentThreadCpuTime();
            engine.handle(batch);
            handleCpuNanos += THREADS.getCurrentThreadCpuTime() - handleCpuStart;
            handleNanos += System.nanoTime() - handleStart;
            from = batch.getLast().sequence();
            stores.state.cursors().save(RuleEngine.NAME, from);
            evaluated += batch.stream().filter(e -> e.event() instanceof TelemetryReceived).count();
            double cpu = cpuSeconds() - cpuBefore;
            if (cpuHalf < 0 && evaluated >= messages / 2) {
                cpuHalf = cpu;
                handleCpuHalf = handleCpuNanos;
                evaluatedHalf = evaluated;
            }
            System.out.printf(Locale.ROOT, "  %,d events evaluated, %.1f s, process CPU %.1f s%n", evaluated,
                    (System.nanoTime() - begin) / 1e9, cpu);
        }
        double all = (System.nanoTime() - begin) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;
        System.out.printf(Locale.ROOT, "rule engine: %,d telemetry events (of %,d appended) in %.1f s = %,.0f events/s "
                + "with the log reads; handle alone %.1f s = %,.0f events/s; process CPU %.1f s; fires %,d%n",
                evaluated, messages, all, evaluated / all, handleNanos / 1e9, evaluated / (handleNanos / 1e9), cpu,
                engine.fires());
        System.out.printf(Locale.ROOT, "CPU-s per 100k events: all %.2f; second half (every device seen, rules "
                + "loaded, JIT warm) %.2f; the thread's CPU in RuleEngine.handle alone: all %.2f, second half %.2f%n",
                cpu / evaluated * 1e5, (cpu - cpuHalf) / (evaluated - evaluatedHalf) * 1e5,
                handleCpuNanos / 1e9 / evaluated * 1e5,
                (handleCpuNanos - handleCpuHalf) / 1e9 / (evaluated - evaluatedHalf) * 1e5);
    }

    private static String template(int t) {
        return "dtmi:bench:rules:Sensor" + t + ";1";
    }

    static DeviceId device(int d) {
        return DeviceId.of(String.format(Locale.ROOT, "sim-%06d", d));
    }

    static double value(int field) {
        return 20 + (field * 7.31) % 60;
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
