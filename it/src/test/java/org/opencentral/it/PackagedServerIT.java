package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;

/**
 * The server as it ships: as {@code ./opencentral start} runs it — the packaged jar and its runtime
 * class path, without test dependencies — and from the release archive ({@code
 * server/target/opencentral-<version>.tar.gz}) unpacked and started with its own launcher, which
 * finds java on the PATH; each accepts a device and its telemetry. Runs after {@code package}
 * (failsafe), so that a dependency missing at run time fails the build.
 */
class PackagedServerIT {
    private static final Path SERVER_TARGET = Path.of("../server/target");

    @TempDir
    Path dataDir;
    @TempDir
    Path unpacked;

    @Test
    void thePackagedServerAcceptsDevices() {
        try (ServerProcess server = ServerProcess.startPackaged(dataDir, SERVER_TARGET)) {
            acceptsADevice(server);
        }
    }

    @Test
    void theReleaseArchiveUnpacksAndStartsWithOnlyJavaOnThePath() throws Exception {
        Path home = unpack(releaseArchive());
        assertThat(home.resolve("bin/opencentral")).isExecutable();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(home.resolve("THIRD-PARTY.txt")).content().contains("io.netty:netty-handler", "org.duckdb");
        assertThat(home.resolve("systemd/opencentral.service")).content()
                .contains("ExecStart=/opt/opencentral/bin/opencentral start --config /etc/opencentral/opencentral.conf");
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            assertThat(jars.map(jar -> jar.getFileName().toString())).anyMatch(n -> n.startsWith("opencentral-server-"));
        }
        Map<String, String> onlyJava = Map.of("JAVA_HOME", "",
                "PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");

        Process config = new ProcessBuilder(home.resolve("bin/opencentral").toString(), "config", "--config",
                home.resolve("config/opencentral.conf").toString()).redirectErrorStream(true).start();
        String printed = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(printed).isZero();
        assertThat(printed).as("the example configuration is valid").contains("public-host = iot.example.com");

        try (ServerProcess server = ServerProcess.startWith(dataDir, List.of(home.resolve("bin/opencentral")
                .toString()), onlyJava)) {
            acceptsADevice(server);
        }
    }

    private static Path releaseArchive() throws IOException {
        try (Stream<Path> files = Files.list(SERVER_TARGET)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("opencentral-.+\\.tar\\.gz"))
                    .toList();
            assertThat(archives).as("one release archive in server/target").hasSize(1);
            return archives.getFirst();
        }
    }

    /** Unpacks with tar, as an operator would; returns the archive's one top directory. */
    private Path unpack(Path archive) throws Exception {
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as(output).isZero();
        try (Stream<Path> top = Files.list(unpacked)) {
            List<Path> directories = top.toList();
            assertThat(directories).hasSize(1);
            assertThat(directories.getFirst().getFileName().toString()).startsWith("opencentral-");
            return directories.getFirst();
        }
    }

    private static void acceptsADevice(ServerProcess server) {
        try {
            RestClient rest = server.awaitReady();
            rest.put("/devices/packaged", Map.of()).ok();
            String key = rest.get("/devices/packaged/credentials").ok().at("/symmetricKey/primaryKey").asText();
            try (TestDevice device = TestDevice.plain(server.mqttPort(), "packaged", key)) {
                assertThat(device.connect().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
                device.sendTelemetry("{\"packaged\": true}").join();
            }
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    rest.get("/devices/packaged/telemetry/packaged").ok().path("value").asBoolean()).isTrue());
        } catch (AssertionError | RuntimeException e) {
            e.addSuppressed(new AssertionError("server output:\n" + server.output()));
            throw e;
        }
    }
}
