package org.opencentral.sim.scenario;

import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.sim.iothub.IotHubCredentials;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.iothub.Topics;
import org.opencentral.sim.mqtt.ConnectSpec;

/**
 * The devices of a run and how they connect.
 *
 * @param server            broker address
 * @param tls               TLS context, empty for plain MQTT
 * @param hubHost           host name put in IoT Hub usernames and SAS resources
 * @param topicPattern      telemetry topic with {@code {id}} (generic mode; IoT Hub mode uses its own)
 * @param genericAuth       username and password for every connection in generic mode, if any
 * @param sources           local addresses to connect from, round robin (empty: the kernel chooses)
 * @param maxPendingConnects connection attempts in progress at once
 * @param connectRate       new connections per second at most (0: unlimited)
 * @param keepAliveSeconds  MQTT keep-alive
 * @param threads           event loop threads of the client (0: Netty's default)
 * @param connectBudget     stop starting new connections after this long (zero: no limit)
 */
public record FleetSpec(Mode mode, InetSocketAddress server, Optional<SslContext> tls, String hubHost,
                        String topicPattern, Optional<Credentials> genericAuth, List<SimDevice> devices,
                        List<InetAddress> sources, int maxPendingConnects, double connectRate, int keepAliveSeconds,
                        int threads, Duration connectBudget) {
    public FleetSpec {
        Objects.requireNonNull(mode, "mode");
        devices = List.copyOf(devices);
        sources = List.copyOf(sources);
        Objects.requireNonNull(connectBudget, "connectBudget");
        if (maxPendingConnects < 1) {
            throw new IllegalArgumentException("maxPendingConnects must be positive");
        }
        if (mode == Mode.IOTHUB && devices.stream().anyMatch(d -> d.primaryKey().isEmpty())) {
            throw new IllegalArgumentException("IoT Hub mode needs a key for every device");
        }
    }

    /** The CONNECT of a device; IoT Hub SAS tokens are valid for a day. */
    public ConnectSpec connectSpec(SimDevice device) {
        return switch (mode) {
            case IOTHUB -> {
                IotHubCredentials credentials = new IotHubCredentials(hubHost);
                long expiry = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
                yield new ConnectSpec(device.id(), Optional.of(credentials.username(device.id())),
                        Optional.of(credentials.password(device.id(), device.primaryKey().orElseThrow(), expiry)),
                        keepAliveSeconds);
            }
            case GENERIC -> new ConnectSpec(device.id(), genericAuth.map(Credentials::username),
                    genericAuth.map(Credentials::password), keepAliveSeconds);
        };
    }

    /** The telemetry topic of a device. */
    public String telemetryTopic(SimDevice device) {
        return switch (mode) {
            case IOTHUB -> Topics.telemetry(device.id());
            case GENERIC -> Topics.expand(topicPattern, device.id());
        };
    }

    /** {@code iothub mqtts://127.0.0.1:8883}: for reports. */
    public String describe() {
        return mode.name().toLowerCase(java.util.Locale.ROOT) + " " + (tls.isPresent() ? "mqtts" : "mqtt") + "://"
                + server.getHostString() + ":" + server.getPort();
    }

    /** A fixed username and password. */
    public record Credentials(String username, String password) {
    }
}
