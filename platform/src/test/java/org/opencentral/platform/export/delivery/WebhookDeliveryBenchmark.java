package org.opencentral.platform.export.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.opencentral.core.export.WebhookDestination;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * How fast one telemetry export drains the event log to a local webhook receiver (a JDK
 * HttpServer in the same process): {@code messages} JSON messages of 1,000 devices are appended
 * first, then the runner is stepped until it caught up. Prints messages per second of delivery. An
 * optional third argument is a jq transform for the destination (in quotes; empty for none), an
 * optional fourth the destination's {@code batchSize} (messages per request, 1 by default).
 * Run: {@code ./mvnw -q -pl platform -Pbench test-compile exec:exec
 * -Dbench.main=org.opencentral.platform.export.delivery.WebhookDeliveryBenchmark -Dbench.args="20000 /tmp/oc-export"}
 */
final class WebhookDeliveryBenchmark {
    private WebhookDeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path directory = Path.of(args.length > 1 ? args[1] : "/tmp/opencentral-export");
        Optional<String> transform = args.length > 2 ? Optional.of(args[2]).filter(t -> !t.isBlank()) : Optional.empty();
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Files.createDirectories(directory);
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        try (StateStore state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
                DuckDbEventLog log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
                WebhookReceiver receiver = new WebhookReceiver()) {
            var client = WebhookSender.client();
            ExportRunner runner = new ExportRunner(state.exports(), new PipeContext(log, state.cursors(),
                    new ExportMessages("bench"), id -> DeviceFacts.NONE, RetryPolicy.DEFAULTS, Clock.systemUTC(),
                    PipeContext.BATCH), destination -> new Lanes(new WebhookSender(client, (WebhookDestination) destination)),
                    stats -> { });
            state.exports().putDestination(new WebhookDestination("hook", "Hook", receiver.url(), Map.of(), Map.of(),
                    Optional.empty(), Optional.empty(), batchSize));
            state.exports().putExport(new Export("bench", "Bench", true, ExportSource.TELEMETRY, Optional.empty(),
                    Map.of(), List.of(new DestinationReference("hook", transform))));
            runner.runOnce();
            byte[] body = "{\"temperature\":21.5,\"humidity\":40,\"pressure\":1013,\"speed\":3,\"mode\":\"auto\"}"
                    .getBytes(StandardCharsets.UTF_8);
            IntStream.range(0, messages).mapToObj(i -> log.append(new TelemetryReceived(DeviceId.of("d-" + i % 1000),
                    java.time.Instant.now(), Optional.empty(), Map.of(), Map.of(), body))).toList()
                    .forEach(CompletableFuture::join);
            long start = System.nanoTime();
            while (runner.runOnce() > 0) {
                // drain
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("messages=%,d received=%,d requests=%,d seconds=%.2f rate=%,.0f msg/s cores=%d%n",
                    messages, receiver.received().size(), receiver.requests(), seconds, messages / seconds, Runtime.getRuntime().availableProcessors());
            runner.close();
        }
    }
}
