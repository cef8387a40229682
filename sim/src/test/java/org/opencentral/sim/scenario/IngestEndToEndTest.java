package org.opencentral.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencentral.server.config.LimitsConfig;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.testkit.TestPlatform;
import org.opencentral.sim.iothub.DeviceApi;
import org.opencentral.sim.iothub.DeviceProvisioner;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.metrics.Report;
import org.opencentral.sim.client.ClientTls;

/** A tiny ingest against a real OpenCentral node: 20 devices × 50 QoS 1 messages over MQTT or AMQP over TLS. */
@Timeout(60)
class IngestEndToEndTest {
    private static TestPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = TestPlatform.start(config -> config.toBuilder()
                .mqtt(new MqttConfig(TestPlatform.HOST, 0, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(0)))
                .limits(new LimitsConfig(org.opencentral.platform.ingest.MessageSizeLimit.DEFAULT_BYTES, 100_000, 100_000,
                        10_000)).build());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void everyMessageIsAcknowledgedAndCounted(Protocol protocol) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(progress, true);
        IngestSettings settings = new IngestSettings(1, 200, 6, 5, 0, 0, 50, Duration.ZERO, Duration.ofSeconds(30));

        Report report = IngestScenario.run(fleet("e2e-" + protocol.name().toLowerCase(), protocol, out), settings,
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

    /** A device whose token the server refuses fails to connect with the CBS status as its kind. */
    @Test
    void anAmqpDeviceWithAWrongKeyIsRefusedOnCbs() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(progress, true);
        FleetSpec real = fleet("cbs", Protocol.AMQP, out);
        String wrongKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        FleetSpec wrong = new FleetSpec(real.mode(), real.protocol(), real.server(), real.tls(), real.hubHost(), "",
                Optional.empty(), real.devices().stream().map(d -> new SimDevice(d.id(), Optional.of(wrongKey))).toList(),
                List.of(), 20, 0, 60, 2, Duration.ZERO);

        Report report = IngestScenario.run(wrong, new IngestSettings(1, 200, 6, 5, 0, 0, 1, Duration.ZERO,
                Duration.ofSeconds(1)), new RunContext(Optional.empty(), out, Map.of()));
        assertThat(report.connections().established()).isZero();
        assertThat(report.errors()).containsEntry("cbs_401", 20L);
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

        Report report = IngestScenario.run(fleet("open", Protocol.MQTT, out), settings,
                new RunContext(Optional.empty(), out, Map.of("devices", "20")));
        assertThat(report.connections().established()).as(progress.toString()).isEqualTo(20);
        assertThat(report.warmupLatency().count()).as(progress.toString()).isPositive();
        assertThat(report.latency().count()).isPositive();
        assertThat(report.warmupLatency().count() + report.latency().count()).isEqualTo(20 * 30);
        assertThat(report.errors()).isEmpty();
        assertThat(progress.toString()).contains("[warm-up").contains("p99.9");
    }

    /** Numbered messages: every device's line says it sent 10 and all 10 were acknowledged. */
    @Test
    void numberedMessagesRecordEveryDevicesAcknowledgedNumbers(@TempDir Path directory) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(progress, true);
        Path file = directory.resolve("sequences.tsv");
        IngestSettings settings = new IngestSettings(1, 200, 6, 5, 0, 20, 10, Duration.ZERO, Duration.ofSeconds(30),
                Optional.of(file));

        FleetSpec fleet = fleet("seq", Protocol.MQTT, out);
        Report report = IngestScenario.run(fleet, settings, new RunContext(Optional.empty(), out, Map.of()));
        assertThat(report.errors()).as(progress.toString()).isEmpty();
        assertThat(Files.readAllLines(file)).containsExactlyElementsOf(
                fleet.devices().stream().map(d -> d.id() + "\t10\t10\t-").toList());
    }

    private static FleetSpec fleet(String prefix, Protocol protocol, PrintStream out) throws Exception {
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> SimDevice.idFor(prefix, i)).toList();
        List<SimDevice> devices = new DeviceProvisioner(new DeviceApi(platform.http(), platform.adminToken()), 20, out)
                .create(ids);
        int port = switch (protocol) {
            case MQTT -> platform.mqttsPort();
            case AMQP -> platform.server().devicePorts().amqps().orElseThrow();
        };
        return new FleetSpec(Mode.IOTHUB, protocol, new InetSocketAddress(TestPlatform.HOST, port),
                Optional.of(ClientTls.trusting(List.of(platform.server().tls().caCertificate()))), TestPlatform.HOST,
                "", Optional.empty(), devices, List.of(), 20, 0, 60, 2, Duration.ZERO);
    }
}
