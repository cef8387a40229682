package org.opencentral.transport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.assembly.Platform;
import org.opencentral.platform.assembly.PlatformSettings;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.security.SasToken;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.export.PostgresExportTable;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/**
 * The platform as the server assembles it ({@link Platform}) over the real stores (SQLite + DuckDB
 * in a temporary directory), started, and an {@link MqttServer} on ephemeral ports in front of it:
 * plain, TLS and WebSocket with a self-signed certificate.
 */
@SuppressWarnings("deprecation") // Netty's SelfSignedCertificate: fine for tests; the server module makes real certificates
final class TestPlatform implements AutoCloseable {
    static final String HOST = "opencentral.test";

    final Clock clock = Clock.systemUTC();
    final StateStore state;
    final DuckDbEventLog log;
    final TelemetryStore telemetry;
    final Platform platform;
    final DeviceSessions sessions;
    final DeviceRegistry registry;
    final TwinService twins;
    final CommandService commands;
    final CloudToDeviceService cloudToDevice;
    final RecordingConnectionListener connections;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MqttServer server;
    final BoundPorts ports;
    final SelfSignedCertificate certificate;

    private TestPlatform(Path dir, MqttLimits limits, int maxConnections) {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
        telemetry = DuckDbTelemetryStore.open(dir.resolve("telemetry.duckdb"));
        platform = Platform.assemble(state, log, telemetry, clock, PlatformSettings.defaults("app-test", "0ne00000001",
                HOST, PostgresExportTable::new));
        platform.start();
        sessions = platform.sessions();
        registry = platform.devices();
        twins = platform.twins();
        commands = platform.commands();
        cloudToDevice = platform.cloudToDevice();
        connections = new RecordingConnectionListener(platform.connections());
        certificate = Certificate.INSTANCE;
        MqttServerConfig config = new MqttServerConfig(Optional.of(MqttServerConfig.Endpoint.loopback(0)),
                Optional.of(MqttServerConfig.Endpoint.loopback(0)), Optional.of(MqttServerConfig.Endpoint.loopback(0)),
                limits, maxConnections, Optional.of(MqttServerConfig.Endpoint.loopback(0)));
        server = new MqttServer(config, Optional.of(MqttTls.of(certificate.key(), certificate.cert())),
                MqttServices.of(platform), connections, meters);
        ports = server.start();
    }

    static TestPlatform start(Path dir) {
        return new TestPlatform(dir, MqttLimits.DEFAULTS, MqttServerConfig.DEFAULT_MAX_CONNECTIONS);
    }

    static TestPlatform start(Path dir, MqttLimits limits) {
        return new TestPlatform(dir, limits, MqttServerConfig.DEFAULT_MAX_CONNECTIONS);
    }

    static TestPlatform start(Path dir, int maxConnections) {
        return new TestPlatform(dir, MqttLimits.DEFAULTS, maxConnections);
    }

    int mqttPort() {
        return ports.mqtt().orElseThrow();
    }

    int amqpsPort() {
        return ports.amqps().orElseThrow();
    }

    SslContext clientTls() throws SSLException {
        return SslContextBuilder.forClient().trustManager(certificate.cert()).endpointIdentificationAlgorithm(null).build();
    }

    Device createDevice(String id) {
        return registry.create(DeviceId.of(id), DeviceChanges.NONE);
    }

    static String username(Device device) {
        return HOST + "/" + device.id() + "/?api-version=2021-04-12";
    }

    static String token(Device device, Instant expiry) {
        return SasToken.sign(HOST + "/devices/" + device.id(), device.keys().primaryKey(), expiry.getEpochSecond());
    }

    static String validToken(Device device) {
        return token(device, Instant.now().plus(Duration.ofHours(1)));
    }

    /** A plain-TCP device connected with a valid token. */
    TestMqttDevice connect(Device device) {
        TestMqttDevice client = TestMqttDevice.plain(mqttPort());
        client.connect(device.id().value(), username(device), validToken(device));
        return client;
    }

    List<PlatformEvent> events() {
        return log.read(0, 100_000).stream().map(LoggedEvent::event).toList();
    }

    List<PlatformEvent.TelemetryReceived> telemetryOf(Device device) {
        return events().stream().filter(e -> e instanceof PlatformEvent.TelemetryReceived)
                .map(PlatformEvent.TelemetryReceived.class::cast).filter(t -> t.deviceId().equals(device.id())).toList();
    }

    @Override
    public void close() {
        server.close();
        platform.close();
        telemetry.close();
        log.close();
        state.close();
    }

    /** One self-signed certificate per test JVM (generating one takes seconds). */
    private static final class Certificate {
        static final SelfSignedCertificate INSTANCE = create();

        private static SelfSignedCertificate create() {
            try {
                SelfSignedCertificate certificate = SelfSignedCertificate.builder().fqdn("localhost").build();
                Runtime.getRuntime().addShutdownHook(new Thread(certificate::delete));
                return certificate;
            } catch (CertificateException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
