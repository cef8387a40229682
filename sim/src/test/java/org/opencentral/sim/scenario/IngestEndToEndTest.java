package org.opencentral.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.server.config.LimitsConfig;
import org.opencentral.testkit.TestPlatform;
import org.opencentral.sim.iothub.DeviceApi;
import org.opencentral.sim.iothub.DeviceProvisioner;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.mqtt.ClientTls;

/** A tiny ingest against a real OpenCentral node: 20 devices × 50 QoS 1 messages over TLS. */
@Timeout(60)
class IngestEndToEndTest {
    private static TestPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = TestPlatform.start(config -> config.toBuilder().limits(
                new LimitsConfig(org.opencentral.platform.ingest.MessageSizeLimit.DEFAULT_BYTES, 100_000, 100_000,
                        10_000)).build());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyMessageIsAcknowledgedAndCounted() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(progress, true);
        IngestSettings settings = new IngestSettings(1, 200, 6, 5, 0, 0, 50, Duration.ZERO, Duration.ofSeconds(30));

        Report report = IngestScenario.run(fleet("e2e", out), settings,
                new RunContext(Optional.of(ProcessHandle.current().pid()), out, Map.of("devices", "20")));
        assertThat(report.connections().established()).as(progress + " " + report.errors()).isEqualTo(20);
        assertThat(report.throughput().sent()).isEqualTo(1_000);
        assertThat(report.throughput().acked()).isEqualTo(1_000);
        assertThat(report.latency().count()).isEqualTo(1_000);
        assertThat(report.latency().maxMs()).isPositive();
        assertThat(report.errors()).isEmpty();
        assertThat(report.server()).isPresent();
        assertThat(report.measuredSeconds()).isLessThan(30);
    }

    /**
     * Open loop: 20 devices × 20 msg/s each, 10 messages per device, one second of warm-up. Every
     * message is timed (warm-up and window together hold all 200) and none is skipped.
     */
    @Test
    void openLoopTimesEveryScheduledMessageAndReportsTheWarmUpApart() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(progress, true);
        IngestSettings settings = new IngestSettings(1, 200, 6, 5, 0, 20, 30, Duration.ofSeconds(1),
                Duration.ofSeconds(30));

        Report report = IngestScenario.run(fleet("open", out), settings,
                new RunContext(Optional.empty(), out, Map.of("devices", "20")));
        assertThat(report.connections().established()).as(progress.toString()).isEqualTo(20);
        assertThat(report.warmupLatency().count()).as(progress.toString()).isPositive();
        assertThat(report.latency().count()).isPositive();
        assertThat(report.warmupLatency().count() + report.latency().count()).isEqualTo(20 * 30);
        assertThat(report.errors()).isEmpty();
        assertThat(progress.toString()).contains("[warm-up").contains("p99.9");
    }

    private static FleetSpec fleet(String prefix, PrintStream out) throws Exception {
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> SimDevice.idFor(prefix, i)).toList();
        List<SimDevice> devices = new DeviceProvisioner(new DeviceApi(platform.http(), platform.adminToken()), 20, out)
                .create(ids);
        return new FleetSpec(Mode.IOTHUB, new InetSocketAddress(TestPlatform.HOST, platform.mqttsPort()),
                Optional.of(ClientTls.trusting(List.of(platform.server().tls().caCertificate()))), TestPlatform.HOST,
                "", Optional.empty(), devices, List.of(), 20, 0, 60, 2, Duration.ZERO);
    }
}
