package org.opencentral.sim.cli;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.opencentral.sim.iothub.DeviceApi;
import org.opencentral.sim.iothub.DeviceProvisioner;
import org.opencentral.sim.iothub.KeysFile;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.client.ClientTls;
import org.opencentral.sim.scenario.FleetSpec;
import org.opencentral.sim.scenario.Mode;
import org.opencentral.sim.scenario.Protocol;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the devices connect, how, and how many: shared by every scenario. */
public final class TargetOptions {
    @Option(names = "--mode", defaultValue = "iothub", description = "iothub (OpenCentral / IoT Hub: REST-created "
            + "devices, SAS tokens) or generic (any MQTT broker, no device creation). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--protocol", defaultValue = "mqtt", description = "mqtt, or amqp (AMQP 1.0 as IoT Hub's device "
            + "SDKs speak it: SASL ANONYMOUS, a CBS put-token of the SAS token, one telemetry sender link; "
            + "--mode iothub; the ingest and soak scenarios). Default: ${DEFAULT-VALUE}.")
    String protocol;

    @Option(names = {"-n", "--devices"}, defaultValue = "100", description = "Number of devices (connections). Default: ${DEFAULT-VALUE}.")
    int devices;

    @Option(names = "--id-prefix", defaultValue = "sim", description = "Device ids are PREFIX-000000… Default: ${DEFAULT-VALUE}.")
    String idPrefix;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Broker host. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", description = "Broker port. Default: 8883 with TLS, 1883 without (AMQP: 5671, 5672).")
    Integer port;

    @Option(names = "--tls", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Over TLS (--no-tls: plain TCP). Default: ${DEFAULT-VALUE}.")
    boolean tls;

    @Option(names = "--ca", paramLabel = "PEM", description = "CA certificate(s) to trust, e.g. <data-dir>/tls/ca.pem.")
    Path ca;

    @Option(names = "--insecure", description = "Trust any server certificate (instead of --ca).")
    boolean insecure;

    @Option(names = "--hub-host", description = "Host name in IoT Hub usernames and SAS tokens. Default: --host.")
    String hubHost;

    @Mixin
    ApiOptions api;

    @Option(names = "--create-concurrency", defaultValue = "32", description = "Parallel REST calls while creating "
            + "devices. Default: ${DEFAULT-VALUE}.")
    int createConcurrency;

    @Option(names = "--keys-file", paramLabel = "FILE", description = "Cache of device keys ('id key' lines): "
            + "devices listed there are not created again; new ones are appended.")
    Path keysFile;

    @Option(names = "--topic", defaultValue = "devices/{id}/messages/events/", description = "Generic mode: topic "
            + "pattern, {id} is the device id. Default: ${DEFAULT-VALUE}.")
    String topic;

    @Option(names = "--username", description = "Generic mode: username of every connection.")
    String username;

    @Option(names = "--password", description = "Generic mode: password of every connection.")
    String password;

    @Option(names = "--source-ips", defaultValue = "1", description = "Connect from 127.0.0.1…127.0.0.N, round "
            + "robin: one source address has ~28k ephemeral ports. 1 lets the kernel choose. Default: ${DEFAULT-VALUE}.")
    int sourceIps;

    @Option(names = "--connect-rate", defaultValue = "0", description = "New connections per second at most; "
            + "0 = unlimited. Default: ${DEFAULT-VALUE}.")
    double connectRate;

    @Option(names = "--max-pending-connects", defaultValue = "256", description = "Connection attempts (TCP+TLS+"
            + "CONNACK) in progress at once. Default: ${DEFAULT-VALUE}.")
    int maxPendingConnects;

    @Option(names = "--connect-budget", defaultValue = "0", description = "Seconds after which no new connection "
            + "is started (the run goes on with those established); 0 = no limit. Default: ${DEFAULT-VALUE}.")
    int connectBudget;

    @Option(names = "--keep-alive", defaultValue = "120", description = "MQTT keep-alive, seconds. Default: ${DEFAULT-VALUE}.")
    int keepAlive;

    @Option(names = "--threads", defaultValue = "0", description = "Client event loop threads; 0 = one per core. "
            + "Default: ${DEFAULT-VALUE}.")
    int threads;

    Mode mode() {
        return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "iothub" -> Mode.IOTHUB;
            case "generic" -> Mode.GENERIC;
            default -> throw new IllegalArgumentException("--mode must be iothub or generic, not " + mode);
        };
    }

    Protocol protocol() {
        return switch (protocol.toLowerCase(java.util.Locale.ROOT)) {
            case "mqtt" -> Protocol.MQTT;
            case "amqp" -> Protocol.AMQP;
            default -> throw new IllegalArgumentException("--protocol must be mqtt or amqp, not " + protocol);
        };
    }

    int port() {
        if (port != null) {
            return port;
        }
        return switch (protocol()) {
            case MQTT -> tls ? 8883 : 1883;
            case AMQP -> tls ? 5671 : 5672;
        };
    }

    /** The device ids, created through the REST API (with their keys) in IoT Hub mode. */
    List<SimDevice> devices(PrintStream out) throws IOException, InterruptedException {
        List<String> ids = IntStream.range(0, devices).mapToObj(i -> SimDevice.idFor(idPrefix, i)).toList();
        if (mode() == Mode.GENERIC) {
            return ids.stream().map(id -> new SimDevice(id, Optional.empty())).toList();
        }
        Map<String, String> known = keysFile == null ? Map.of() : KeysFile.load(keysFile);
        List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        List<SimDevice> created = missing.isEmpty() ? List.of()
                : new DeviceProvisioner(deviceApi(), createConcurrency, out).create(missing);
        if (keysFile != null) {
            KeysFile.append(keysFile, created);
        }
        Map<String, String> keys = new HashMap<>(known);
        created.forEach(d -> keys.put(d.id(), d.primaryKey().orElseThrow()));
        return ids.stream().map(id -> new SimDevice(id, Optional.of(keys.get(id)))).toList();
    }

    DeviceApi deviceApi() throws IOException {
        return api.deviceApi();
    }

    FleetSpec fleet(List<SimDevice> list) throws IOException {
        Optional<FleetSpec.Credentials> auth = username == null ? Optional.empty()
                : Optional.of(new FleetSpec.Credentials(username, password == null ? "" : password));
        return new FleetSpec(mode(), protocol(), new InetSocketAddress(host, port()), sslContext(), hubHost == null ? host : hubHost,
                topic, auth, list, sources(), maxPendingConnects, connectRate, keepAlive, threads,
                java.time.Duration.ofSeconds(connectBudget));
    }

    private Optional<SslContext> sslContext() throws IOException {
        if (!tls) {
            return Optional.empty();
        }
        if (insecure) {
            return Optional.of(ClientTls.trustingAnything());
        }
        if (ca == null) {
            throw new IllegalArgumentException("TLS needs --ca PEM (or --insecure, or --no-tls)");
        }
        return Optional.of(ClientTls.trusting(ca));
    }

    private List<InetAddress> sources() throws IOException {
        if (sourceIps <= 1) {
            return List.of();
        }
        if (sourceIps > 254) {
            throw new IllegalArgumentException("--source-ips must be at most 254");
        }
        List<InetAddress> list = new ArrayList<>();
        for (int i = 1; i <= sourceIps; i++) {
            list.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
        }
        return list;
    }
}
