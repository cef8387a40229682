package org.opencentral.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.opencentral.server.config.AdminConfig;
import org.opencentral.server.config.HttpConfig;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.runtime.OpenCentralServer;
import org.opencentral.server.tls.TlsContexts;

/**
 * A real OpenCentral node for tests: every listener on an ephemeral port (unless a test needs a
 * fixed one), a fresh data directory that is deleted on close, and an administrator token.
 */
public final class TestPlatform implements AutoCloseable {
    public static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final ServerConfig config;
    private final Clock clock;
    private final OpenCentralServer server;
    private final String adminToken;
    private volatile boolean handedOver;

    private TestPlatform(Path dataDir, ServerConfig config, Clock clock) {
        this.dataDir = dataDir;
        this.config = config;
        this.clock = clock;
        this.server = OpenCentralServer.start(config, clock);
        this.adminToken = server.initialCredentials()
                .orElseThrow(() -> new IllegalStateException("a fresh data directory must bootstrap an admin"))
                .apiToken();
    }

    private TestPlatform(Path dataDir, ServerConfig config, Clock clock, String adminToken) {
        this.dataDir = dataDir;
        this.config = config;
        this.clock = clock;
        this.server = OpenCentralServer.start(config, clock);
        this.adminToken = adminToken;
    }

    /**
     * Stops this node and starts a new one on the same data directory (fresh ports), with the
     * configuration adjusted by {@code customize}; the new node owns the directory from then on. If
     * it cannot start, the directory is deleted and the failure thrown.
     */
    public TestPlatform restart(UnaryOperator<ServerConfig> customize) {
        server.close();
        handedOver = true;
        try {
            return new TestPlatform(dataDir, customize.apply(config), clock, adminToken);
        } catch (RuntimeException e) {
            deleteDataDir();
            throw e;
        }
    }

    /** A node on ephemeral ports. */
    public static TestPlatform start() {
        return start(UnaryOperator.identity());
    }

    /** A node on ephemeral ports, with the configuration adjusted by {@code customize}. */
    public static TestPlatform start(UnaryOperator<ServerConfig> customize) {
        return start(customize, Clock.systemUTC());
    }

    /** A node whose time comes from {@code clock} (e.g. one a test can move), with an adjusted configuration. */
    public static TestPlatform start(UnaryOperator<ServerConfig> customize, Clock clock) {
        Path dir;
        try {
            dir = Files.createTempDirectory("opencentral-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig config = ServerConfig.defaults(HOST).toBuilder()
                .dataDir(dir)
                .http(new HttpConfig(HOST, 0))
                .mqtt(new MqttConfig(HOST, 0, OptionalInt.of(0), OptionalInt.of(0)))
                .admin(new AdminConfig("admin@example.com", java.util.Optional.of("a-long-test-password")))
                .build();
        return new TestPlatform(dir, customize.apply(config), clock);
    }

    public URI http() {
        return URI.create("http://" + HOST + ":" + server.httpPort());
    }

    public RestClient rest() {
        return new RestClient(http(), adminToken);
    }

    /** The web UI and REST API over TLS: the HTTPS port, with this node's server certificate. */
    public URI https() {
        return URI.create("https://" + HOST + ":" + websocketPort());
    }

    /** The administrator's REST client over HTTPS, trusting this node's certificate authority. */
    public RestClient restOverHttps() {
        return new RestClient(https(), adminToken, deviceTrust());
    }

    public String adminToken() {
        return adminToken;
    }

    public int mqttsPort() {
        return server.devicePorts().mqtts().orElseThrow();
    }

    public int mqttPort() {
        return server.devicePorts().mqtt().orElseThrow();
    }

    public int websocketPort() {
        return server.devicePorts().websocket().orElseThrow();
    }

    /** An SSL context that trusts this node's certificate authority, as a device would be configured. */
    public SSLContext deviceTrust() {
        return TlsContexts.trusting(server.tls().caCertificate());
    }

    public Path dataDir() {
        return dataDir;
    }

    public ServerConfig config() {
        return config;
    }

    public OpenCentralServer server() {
        return server;
    }

    /** The node's telemetry history store, e.g. to seed a week of values without sending them. */
    public org.opencentral.core.telemetry.TelemetryStore telemetry() {
        return server.telemetry();
    }

    /** Creates a device through the REST API and returns its primary key. */
    public String createDevice(String id) {
        rest().put("/devices/" + id, Map.of("displayName", id)).ok();
        return rest().get("/devices/" + id + "/credentials").ok().at("/symmetricKey/primaryKey").asText();
    }

    @Override
    public void close() {
        if (handedOver) {
            return;
        }
        server.close();
        deleteDataDir();
    }

    private void deleteDataDir() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
