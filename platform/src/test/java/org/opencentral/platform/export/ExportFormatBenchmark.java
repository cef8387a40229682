package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;

/**
 * The CPU one telemetry message's {@code default@v1} formatting takes, both ways an export pipe
 * formats it: as a tree written to bytes ({@link ExportMessages#message}, {@link Enrichments#add},
 * {@link Json#bytes}), and straight to bytes ({@link ExportMessages#telemetryJson}); the body is
 * {@code bench/run}'s 8 numeric fields. Rounds of each alternate; each prints the formatting thread's
 * CPU microseconds per message (CPU time, so it holds on a busy machine better than wall time).
 * Not a test: the command is in BENCHMARKS.md.
 *
 * <p>Arguments: messages per round (200,000), rounds of each (5).
 */
final class ExportFormatBenchmark {
    private static final byte[] BODY = ("{\"f0\":21.5,\"f1\":40.25,\"f2\":1013.5,\"f3\":3.125,\"f4\":0.5,\"f5\":17.75,"
            + "\"f6\":123.5,\"f7\":9.875}").getBytes(StandardCharsets.UTF_8);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ExportFormatBenchmark() {
    }

    public static void main(String[] args) {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ExportMessages formats = new ExportMessages("bench");
        DeviceFacts facts = new DeviceFacts(Optional.of(Device.builder(DeviceId.of("d-1")).template("dtmi:bench:sensor;1")
                .displayName("Sensor 1").createdAt(Instant.now()).build()), Optional.of("Sensor"));
        TelemetryReceived[] events = new TelemetryReceived[1000];
        for (int d = 0; d < events.length; d++) {
            events[d] = new TelemetryReceived(DeviceId.of("d-" + d), Instant.now(), Optional.empty(), Map.of(), Map.of(),
                    BODY);
        }
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < messages; i++) {
                ObjectNode message = formats.message(events[i % events.length], facts);
                Enrichments.add(message, Map.of(), facts);
                sink += Json.bytes(message).length;
            }
            long tree = THREADS.getCurrentThreadCpuTime() - start;
            start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < messages; i++) {
                sink += formats.telemetryJson(events[i % events.length], facts, Enrichments.of(Map.of(), facts))
                        .orElseThrow().length;
            }
            long direct = THREADS.getCurrentThreadCpuTime() - start;
            System.out.printf("round %d: tree %.2f µs/message, straight to bytes %.2f µs/message%n", round + 1,
                    tree / 1e3 / messages, direct / 1e3 / messages);
        }
        System.out.println("bytes written: " + sink);
    }
}
