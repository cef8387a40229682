package org.opencentral.it.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportSource;
import org.opencentral.core.export.KafkaDestination;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.platform.export.delivery.ExportRunner;
import org.opencentral.platform.export.delivery.KafkaSender;
import org.opencentral.platform.export.delivery.KafkaTarget;
import org.opencentral.platform.export.delivery.PipeContext;
import org.opencentral.platform.export.delivery.RetryPolicy;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;
import org.opencentral.testkit.EmbeddedKafka;

/**
 * How fast one telemetry export drains the event log to Kafka (the embedded single-node KRaft
 * broker, in the same process): {@code messages} JSON messages of 1,000 devices are appended to the
 * DuckDB event log first, then the runner is stepped until it caught up, {@code batch} events per
 * step. Prints messages per second of delivery and the records in the topic. Not a test: run with
 * the command in BENCHMARKS.md.
 */
final class KafkaDeliveryBenchmark {
    private KafkaDeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path directory = Path.of(args.length > 1 ? args[1] : "/tmp/opencentral-kafka-bench");
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : PipeContext.BATCH;
        ExportThroughputBenchmark.clean(directory);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(directory.resolve("kafka"));
                StateStore state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
                DuckDbEventLog log = DuckDbEventLog.open(directory.resolve("events.duckdb"))) {
            ExportRunner runner = new ExportRunner(state.exports(), new PipeContext(log, state.cursors(),
                    new ExportMessages("bench"), id -> DeviceFacts.NONE, RetryPolicy.DEFAULTS, Clock.systemUTC(), batch),
                    destination -> new KafkaSender(KafkaTarget.of((KafkaDestination) destination)), stats -> { });
            state.exports().putDestination(new KafkaDestination("kafka", "Kafka", List.of(kafka.bootstrapServers()),
                    "bench", Optional.empty(), false));
            state.exports().putExport(new Export("bench", "Bench", true, ExportSource.TELEMETRY, Optional.empty(),
                    Map.of(), List.of(new DestinationReference("kafka", Optional.empty()))));
            runner.runOnce();
            byte[] body = "{\"temperature\":21.5,\"humidity\":40,\"pressure\":1013,\"speed\":3,\"mode\":\"auto\"}"
                    .getBytes(StandardCharsets.UTF_8);
            IntStream.range(0, messages).mapToObj(i -> log.append(new TelemetryReceived(DeviceId.of("d-" + i % 1000),
                    Instant.now(), Optional.empty(), Map.of(), Map.of(), body))).toList()
                    .forEach(CompletableFuture::join);
            long start = System.nanoTime();
            while (runner.runOnce() > 0) {
                // drain
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            runner.close();
            System.out.printf("messages=%,d batch=%d in-topic=%,d seconds=%.2f rate=%,.0f msg/s cores=%d%n",
                    messages, batch, kafka.records("bench").size(), seconds, messages / seconds,
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
