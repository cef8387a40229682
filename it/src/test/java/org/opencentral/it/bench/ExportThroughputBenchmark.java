package org.opencentral.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportSource;
import org.opencentral.core.export.FolderDestination;
import org.opencentral.core.export.KafkaDestination;
import org.opencentral.core.export.PostgresDestination;
import org.opencentral.core.export.WebhookDestination;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.platform.export.StoredDeviceFacts;
import org.opencentral.platform.export.delivery.BatchSender;
import org.opencentral.platform.export.delivery.ExportRunner;
import org.opencentral.platform.export.delivery.FolderFiles;
import org.opencentral.platform.export.delivery.KafkaSender;
import org.opencentral.platform.export.delivery.KafkaTarget;
import org.opencentral.platform.export.delivery.Lanes;
import org.opencentral.platform.export.delivery.MinuteFiles;
import org.opencentral.platform.export.delivery.PipeContext;
import org.opencentral.platform.export.delivery.PostgresSender;
import org.opencentral.platform.export.delivery.RetryPolicy;
import org.opencentral.platform.export.delivery.WebhookSender;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.export.PostgresExportTable;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;
import org.opencentral.testkit.EmbeddedKafka;

/**
 * Whether one telemetry export keeps up with ingest: an ingest thread appends telemetry of
 * {@value #DEVICES} registered devices (8 numeric fields, as {@code bench/run} sends) to the DuckDB
 * event log at a target rate for a number of seconds (after a warm-up message of each device was
 * delivered), while the export runner runs as in the server
 * (woken by every durable append, device facts from the SQLite state store) and delivers to one
 * destination started here: {@code kafka} (the embedded KRaft broker), {@code webhook} (a local
 * receiver that parses every body), {@code folder} or {@code postgresql} (the embedded PostgreSQL).
 * Prints, each second, the ingest and export rates and the export's lag (events between the log's
 * end and the export's cursor), then the run's summary and the messages the destination holds.
 * Everything shares one process and the machine's cores. Not a test: the commands are in BENCHMARKS.md.
 *
 * <p>Arguments: destination, target ingest rate (msg/s), seconds of ingest, directory, the
 * webhook's {@code batchSize}, and the events a pipe reads per step ({@link PipeContext#BATCH}).
 */
final class ExportThroughputBenchmark {
    private static final int DEVICES = 1000;
    private static final byte[] BODY = ("{\"f0\":21.5,\"f1\":40.25,\"f2\":1013.5,\"f3\":3.125,\"f4\":0.5,\"f5\":17.75,"
            + "\"f6\":123.5,\"f7\":9.875}").getBytes(StandardCharsets.UTF_8);

    private ExportThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "kafka";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 71_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path directory = Path.of(args.length > 3 ? args[3] : "/tmp/opencentral-export-throughput");
        int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int eventsPerStep = args.length > 5 ? Integer.parseInt(args[5]) : PipeContext.BATCH;
        clean(directory);
        try (Target target = Target.start(kind, directory, batchSize);
                StateStore state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
                DuckDbEventLog log = DuckDbEventLog.open(directory.resolve("events.duckdb"))) {
            for (int d = 0; d < DEVICES; d++) {
                state.devices().insert(Device.builder(DeviceId.of("d-" + d)).template("dtmi:bench:sensor;1")
                        .displayName("Sensor " + d).createdAt(Instant.now()).build());
            }
            ExportRunner runner = new ExportRunner(state.exports(), new PipeContext(log, state.cursors(),
                    new ExportMessages("bench"), new StoredDeviceFacts(state)::of, RetryPolicy.DEFAULTS,
                    Clock.systemUTC(), eventsPerStep), target::sender, stats -> { });
            state.exports().putDestination(target.destination());
            state.exports().putExport(new Export("bench", "Bench", true, ExportSource.TELEMETRY, Optional.empty(),
                    Map.of(), List.of(new DestinationReference("dest", Optional.empty()))));
            runner.runOnce();
            runner.start();
            Run run = new Run(log, state, rate, seconds);
            run.warmUp(() -> runner.of(state.exports().findDestination("dest").orElseThrow()));
            run.measure();
            System.out.printf("counters=%s errors=%s%n", runner.counters(),
                    runner.of(state.exports().findDestination("dest").orElseThrow()).errors());
            runner.close();
            System.out.printf("destination=%s holds=%,d (appended %,d)%n", kind, target.count(),
                    run.appended.get() + DEVICES);
        }
    }

    /** The ingest thread and the per-second report of one run. */
    private static final class Run {
        private final DuckDbEventLog log;
        private final StateStore state;
        private final int rate;
        private final int seconds;
        private final AtomicLong appended = new AtomicLong();
        private final AtomicLong durable = new AtomicLong();
        private volatile boolean ingesting = true;

        Run(DuckDbEventLog log, StateStore state, int rate, int seconds) {
            this.log = log;
            this.state = state;
            this.rate = rate;
            this.seconds = seconds;
        }

        /**
         * One message of each device, delivered before the run: the destination connected, the JIT
         * warm. Fails with the destination's status if that takes over a minute.
         */
        void warmUp(java.util.function.Supplier<Object> status) {
            for (int d = 0; d < DEVICES; d++) {
                log.append(telemetry(d)).join();
            }
            long start = System.nanoTime();
            while (position() < log.lastSequence()) {
                if (System.nanoTime() - start > 60_000_000_000L) {
                    throw new IllegalStateException("the warm-up was not delivered in a minute: " + status.get());
                }
                LockSupport.parkNanos(10_000_000);
            }
        }

        private static TelemetryReceived telemetry(long n) {
            return new TelemetryReceived(DeviceId.of("d-" + n % DEVICES), Instant.now(), Optional.empty(), Map.of(),
                    Map.of(), BODY);
        }

        void measure() throws InterruptedException {
            long start = System.nanoTime();
            Cpu atStart = Cpu.now(position());
            Thread ingest = Thread.ofPlatform().name("bench-ingest").start(() -> ingest(start));
            long maxLag = 0;
            long lastDurable = 0;
            long lastExported = atStart.exported();
            Cpu atHalf = atStart;
            for (int s = 1; s <= seconds; s++) {
                LockSupport.parkNanos(start + s * 1_000_000_000L - System.nanoTime());
                long d = durable.get();
                long e = position();
                long lag = log.lastSequence() - e;
                maxLag = Math.max(maxLag, lag);
                System.out.printf("t=%2ds ingest=%,7d msg/s export=%,7d msg/s lag=%,9d events%n", s, d - lastDurable,
                        e - lastExported, lag);
                lastDurable = d;
                lastExported = e;
                if (s == seconds / 2) {
                    atHalf = Cpu.now(e, d);
                }
            }
            ingesting = false;
            ingest.join();
            while (durable.get() < appended.get()) { // the drain is timed to the log's end with every append in it
                LockSupport.parkNanos(1_000_000);
            }
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            Cpu atStop = Cpu.now(position(), durable.get());
            long lagAtEnd = log.lastSequence() - atStop.exported();
            long drainStart = System.nanoTime();
            while (position() < log.lastSequence() && System.nanoTime() - drainStart < 600_000_000_000L) {
                LockSupport.parkNanos(10_000_000);
            }
            Cpu drained = Cpu.now(position());
            System.out.printf("ingest=%,.0f msg/s export=%,.0f msg/s (while ingesting) max-lag=%,d lag-at-end=%,d "
                    + "drained-in=%.1fs cores=%d%n", durable.get() / ingestSeconds,
                    (atStop.exported() - atStart.exported()) / ingestSeconds, maxLag, lagAtEnd,
                    (System.nanoTime() - drainStart) / 1e9, Runtime.getRuntime().availableProcessors());
            System.out.printf("cpu-s per 100k exported: runner %.2f, export threads %.2f, broker %.2f (process %.2f) "
                    + "while ingesting; runner %.2f, export threads %.2f, broker %.2f (process %.2f) draining%n",
                    atStop.runnerPer100k(atStart), atStop.exportPer100k(atStart), atStop.brokerPer100k(atStart),
                    atStop.processPer100k(atStart), drained.runnerPer100k(atStop), drained.exportPer100k(atStop),
                    drained.brokerPer100k(atStop), drained.processPer100k(atStop));
            long ingestedLate = atStop.durable() - atHalf.durable();
            long exportedLate = atStop.exported() - atHalf.exported();
            boolean keptUp = exportedLate >= 0.95 * ingestedLate && lagAtEnd <= Math.max(1_000, rate);
            System.out.printf("kept-up=%s (second half: ingested %,d, exported %,d; lag at end %,d events)%n",
                    keptUp ? "yes" : "no", ingestedLate, exportedLate, lagAtEnd);
        }

        /** The export's progress, the appends made durable and the CPU used, at one moment. */
        private record Cpu(long exported, long durable, long runnerNanos, long exportNanos, long brokerNanos,
                long processNanos) {
            static Cpu now(long exported) {
                return now(exported, 0);
            }

            static Cpu now(long exported, long durable) {
                return new Cpu(exported, durable, ExportCpu.runnerNanos(), ExportCpu.exportNanos(),
                        ExportCpu.brokerNanos(), ExportCpu.processNanos());
            }

            double runnerPer100k(Cpu before) {
                return ExportCpu.per100k(runnerNanos - before.runnerNanos, exported - before.exported);
            }

            double exportPer100k(Cpu before) {
                return ExportCpu.per100k(exportNanos - before.exportNanos, exported - before.exported);
            }

            double brokerPer100k(Cpu before) {
                return ExportCpu.per100k(brokerNanos - before.brokerNanos, exported - before.exported);
            }

            double processPer100k(Cpu before) {
                return ExportCpu.per100k(processNanos - before.processNanos, exported - before.exported);
            }
        }

        /** Appends at {@link #rate}, at most one second of appends waiting to be durable. */
        private void ingest(long start) {
            long n = 0;
            while (ingesting) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (n < due && n - durable.get() < rate && ingesting) {
                    log.append(telemetry(n)).thenRun(durable::incrementAndGet);
                    n++;
                    appended.incrementAndGet();
                }
                LockSupport.parkNanos(1_000_000);
            }
        }

        /** The export's progress: the log position its cursor moved past. */
        private long position() {
            return state.cursors().position("export:bench:dest");
        }
    }

    /** A destination started for the run, and how many messages it holds. */
    private interface Target extends AutoCloseable {
        Destination destination();

        BatchSender sender(Destination destination);

        long count() throws Exception;

        static Target start(String kind, Path directory, int batchSize) throws IOException {
            return switch (kind) {
                case "kafka" -> new KafkaTargetRun(EmbeddedKafka.start(directory.resolve("kafka")));
                case "webhook" -> new WebhookTargetRun(batchSize);
                case "folder" -> new FolderTargetRun(directory.resolve("exports"));
                case "postgresql" -> new PostgresTargetRun(EmbeddedPostgres.builder().start());
                default -> throw new IllegalArgumentException("destination: kafka, webhook, folder or postgresql");
            };
        }
    }

    private record KafkaTargetRun(EmbeddedKafka kafka) implements Target {
        public Destination destination() {
            return new KafkaDestination("dest", "Kafka", List.of(kafka.bootstrapServers()), "bench", Optional.empty(),
                    false);
        }

        public BatchSender sender(Destination destination) {
            return new KafkaSender(KafkaTarget.of((KafkaDestination) destination));
        }

        public long count() throws Exception {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (int p = 0; p < EmbeddedKafka.PARTITIONS; p++) {
                    latest.put(new TopicPartition("bench", p), OffsetSpec.latest());
                }
                return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            }
        }

        public void close() {
            kafka.close();
        }
    }

    /** A local receiver that parses each body (one message, or an array of them) and counts the messages. */
    private static final class WebhookTargetRun implements Target {
        private final HttpServer server;
        private final AtomicLong received = new AtomicLong();
        private final int batchSize;
        private final java.net.http.HttpClient client = WebhookSender.client();

        WebhookTargetRun(int batchSize) throws IOException {
            this.batchSize = batchSize;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/in", exchange -> {
                received.addAndGet(messages(exchange.getRequestBody()));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon(true).name("receiver-", 0).factory()));
            server.start();
        }

        private static long messages(InputStream body) throws IOException {
            JsonNode parsed = Json.parse(body.readAllBytes());
            return parsed.isArray() ? parsed.size() : 1;
        }

        public Destination destination() {
            return new WebhookDestination("dest", "Hook", java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/in"),
                    Map.of(), Map.of(), Optional.empty(), Optional.empty(), batchSize);
        }

        public BatchSender sender(Destination destination) {
            return new Lanes(new WebhookSender(client, (WebhookDestination) destination));
        }

        public long count() {
            return received.get();
        }

        public void close() {
            server.stop(0);
        }
    }

    private record FolderTargetRun(Path root) implements Target {
        public Destination destination() {
            return new FolderDestination("dest", "Folder", "bench");
        }

        public BatchSender sender(Destination destination) {
            return new MinuteFiles(new FolderFiles(root, (FolderDestination) destination));
        }

        public long count() throws IOException {
            try (var files = Files.walk(root)) {
                long lines = 0;
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    try (var read = Files.lines(file)) {
                        lines += read.count();
                    }
                }
                return lines;
            }
        }

        public void close() {
        }
    }

    private record PostgresTargetRun(EmbeddedPostgres postgres) implements Target {
        public Destination destination() {
            return new PostgresDestination("dest", "Table", "jdbc:postgresql://localhost:" + postgres.getPort()
                    + "/postgres", "postgres", "postgres", "exported");
        }

        public BatchSender sender(Destination destination) {
            return new PostgresSender(new PostgresExportTable((PostgresDestination) destination));
        }

        public long count() throws Exception {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM exported")) {
                rows.next();
                return rows.getLong(1);
            }
        }

        public void close() throws IOException {
            postgres.close();
        }
    }

    /** Empties {@code directory} (creating it if needed). */
    static void clean(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(directory);
    }
}
