package org.opencentral.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencentral.core.Json;
import org.opencentral.server.runtime.InitialCredentialsFile;

/**
 * OpenCentral as a separate JVM ({@code opencentral start}), for tests that kill or signal the
 * process. Its output goes to {@code <data-dir>/server.log} (or a file of the caller's), which
 * {@link #output()} returns.
 */
public final class ServerProcess implements AutoCloseable {
    private final Path dataDir;
    private final Path logFile;
    private final int httpPort;
    private final int mqttPort;
    private final Process process;

    private ServerProcess(Path dataDir, Path logFile, int httpPort, int mqttPort, Process process) {
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.httpPort = httpPort;
        this.mqttPort = mqttPort;
        this.process = process;
    }

    /** Starts a server from the test class path, on free ports, with plain MQTT on loopback and no rate limit. */
    public static ServerProcess start(Path dataDir) {
        return start(dataDir, System.getProperty("java.class.path"));
    }

    /**
     * Starts the server exactly as {@code ./opencentral} runs it: the packaged jar with the runtime
     * class path that the build wrote to {@code server/target/classpath.txt} (no test dependencies).
     */
    public static ServerProcess startPackaged(Path dataDir, Path serverTarget) {
        try {
            String runtime = Files.readString(serverTarget.resolve("classpath.txt")).trim();
            return start(dataDir, serverTarget.resolve("opencentral-server.jar") + ":" + runtime);
        } catch (IOException e) {
            throw new UncheckedIOException("the server must be packaged first (mvn package)", e);
        }
    }

    /**
     * Starts a server from the test class path as {@link #start(Path)} does, with its output in
     * {@code logFile} instead of the data directory (for a data directory that may run out of space).
     */
    public static ServerProcess startLoggingTo(Path dataDir, Path logFile) {
        return startWith(dataDir, logFile, fromClassPath(System.getProperty("java.class.path")), Map.of());
    }

    private static ServerProcess start(Path dataDir, String classPath) {
        return startWith(dataDir, fromClassPath(classPath), Map.of());
    }

    private static List<String> fromClassPath(String classPath) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, "org.opencentral.server.Main");
    }

    /**
     * Starts the server with {@code launcher} (the command line up to the {@code opencentral}
     * arguments, e.g. a release archive's {@code bin/opencentral}) and {@code environment} added to
     * this process's, on free ports as {@link #start(Path)} does.
     */
    public static ServerProcess startWith(Path dataDir, List<String> launcher, Map<String, String> environment) {
        return startWith(dataDir, dataDir.resolve("server.log"), launcher, environment);
    }

    private static ServerProcess startWith(Path dataDir, Path logFile, List<String> launcher,
            Map<String, String> environment) {
        int[] ports = FreePorts.distinct(3);
        int http = ports[0];
        int mqtt = ports[1];
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("start",
                "--data-dir", dataDir.toString(), "--public-host", TestPlatform.HOST,
                "--http-port", String.valueOf(http), "--mqtt-port", String.valueOf(mqtt),
                "--mqtts-port", String.valueOf(ports[2]), "--https-port", "0", "--amqps-port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        // Traffic shaping would only slow tests down that are about durability and lifecycle, not rates.
        builder.environment().put("OPENCENTRAL_DEVICE_MESSAGE_RATE", "1000000");
        builder.environment().put("OPENCENTRAL_DEVICE_MESSAGE_BURST", "1000000");
        builder.environment().put("OPENCENTRAL_API_RATE_LIMIT", "1000000");
        builder.environment().putAll(environment);
        try {
            return new ServerProcess(dataDir, logFile, http, mqtt, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /healthz} answers 200, then returns the first start's admin token. */
    public RestClient awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        URI health = URI.create("http://" + TestPlatform.HOST + ":" + httpPort + "/healthz");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
        try {
            String token = Files.readString(dataDir.resolve(InitialCredentialsFile.NAME)).trim();
            return new RestClient(URI.create("http://" + TestPlatform.HOST + ":" + httpPort), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /healthz} now: its status and JSON body. */
    public RestClient.Response health() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + TestPlatform.HOST + ":" + httpPort + "/healthz"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new RestClient.Response(answer.statusCode(), Json.parse(answer.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The base address of the HTTP listener (UI and REST API). */
    public URI httpBase() {
        return URI.create("http://" + TestPlatform.HOST + ":" + httpPort);
    }

    public int mqttPort() {
        return mqttPort;
    }

    public Process process() {
        return process;
    }

    /** What the server printed so far. */
    public String output() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
