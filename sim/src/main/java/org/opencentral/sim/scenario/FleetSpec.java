package org.opencentral.sim.scenario;

import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.sim.amqp.AmqpLogin;
import org.opencentral.sim.iothub.IotHubCredentials;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.iothub.Topics;
import org.opencentral.sim.mqtt.ConnectSpec;

/**
 * The devices of a run and how they connect.
 *
 * @param protocol          MQTT, or AMQP (IoT Hub mode only)
 * @param server            broker address
 * @param tls               TLS context, empty for plain MQTT
 * @param hubHost           host name put in IoT Hub usernames and SAS resources
 * @param topicPattern      telemetry topic with {@code {id}} (generic mode; IoT Hub mode uses its own)
 * @param genericAuth       username and password for every connection in generic mode, if any
 * @param sources           local addresses to connect from, round robin (empty: the kernel chooses)
 * @param maxPendingConnects connection attempts in progress at once
 * @param connectRate       new connections per second at most (0: unlimited)
 * @param keepAliveSeconds  MQTT keep-alive
 * @param threads           event loop threads of the client (0: one per core)
 * @param connectBudget     stop starting new connections after this long (zero: no limit)
 */
public record FleetSpec(Mode mode, Protocol protocol, InetSocketAddress server, Optional<SslContext> tls, String hubHost,
                        String topicPattern, Optional<Credentials> genericAuth, List<SimDevice> devices,
                        List<InetAddress> sources, int maxPendingConnects, double connectRate, int keepAliveSeconds,
                        int threads, Duration connectBudget) {
    public FleetSpec {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(protocol, "protocol");
        if (protocol == Protocol.AMQP && mode != Mode.IOTHUB) {
            throw new IllegalArgumentException("AMQP speaks the IoT Hub device protocol only (--mode iothub)");
        }
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
            case IOTHUB -> new ConnectSpec(device.id(), Optional.of(new IotHubCredentials(hubHost).username(device.id())),
                    Optional.of(sasToken(device)), keepAliveSeconds);
            case GENERIC -> new ConnectSpec(device.id(), genericAuth.map(Credentials::username),
                    genericAuth.map(Credentials::password), keepAliveSeconds);
        };
    }

    /** How a device connects over AMQP (IoT Hub mode): its SAS token on {@code $cbs}. */
    public AmqpLogin amqpLogin(SimDevice device) {
        return new AmqpLogin(device.id(), hubHost, sasToken(device), keepAliveSeconds);
    }

    /** A device's SAS token, valid for a day. */
    private String sasToken(SimDevice device) {
        long expiry = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
        return new IotHubCredentials(hubHost).password(device.id(), device.primaryKey().orElseThrow(), expiry);
    }

    /** Where a device's telemetry goes: its MQTT topic, or its AMQP telemetry node. */
    public String telemetryTopic(SimDevice device) {
        return switch (protocol) {
            case AMQP -> AmqpLogin.telemetryAddress(device.id());
            case MQTT -> switch (mode) {
                case IOTHUB -> Topics.telemetry(device.id());
                case GENERIC -> Topics.expand(topicPattern, device.id());
            };
        };
    }

    /** {@code iothub mqtts://127.0.0.1:8883}, {@code iothub amqps://127.0.0.1:5671}: for reports. */
    public String describe() {
        String scheme = protocol.name().toLowerCase(java.util.Locale.ROOT) + (tls.isPresent() ? "s" : "");
        return mode.name().toLowerCase(java.util.Locale.ROOT) + " " + scheme + "://"
                + server.getHostString() + ":" + server.getPort();
    }

    /** A fixed username and password. */
    public record Credentials(String username, String password) {
    }
}
