package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;
import org.opencentral.transport.internal.KeyedSerialExecutor;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.connect.ConnectHandler;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.pipeline.ExceptionTail;
import org.opencentral.transport.internal.pipeline.MqttPipeline;
import org.opencentral.transport.internal.session.MqttSessionStarter;

/** The connect handler in an {@link EmbeddedChannel}; blocking work runs when the test says so. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectHandlerTest {
    TestPlatform platform;
    Device device;
    final Queue<Runnable> blocking = new ArrayDeque<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        platform = TestPlatform.start(dir);
        device = platform.createDevice("embedded-1");
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    private EmbeddedChannel channel() {
        MqttServices services = new MqttServices(
                new org.opencentral.platform.device.DeviceAuthenticator(platform.state.devices(), platform.clock),
                new org.opencentral.platform.ingest.IngestService(platform.log,
                        new org.opencentral.platform.ingest.ActivityTracker(platform.state.devices(), platform.clock),
                        platform.clock, org.opencentral.platform.ingest.MessageSizeLimit.DEFAULT),
                platform.twins, platform.commands, platform.cloudToDevice, platform.sessions);
        TransportContext context = new TransportContext(services, blocking::add,
                new TransportContext.ConnectionEvents(ConnectionListener.NONE, new KeyedSerialExecutor<>(Runnable::run)),
                MqttLimits.DEFAULTS, new MqttMetrics(new SimpleMeterRegistry()));
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(MqttPipeline.MQTT_ENCODER, new ChannelDuplexHandler());
        channel.pipeline().addLast(MqttPipeline.CONNECT, new ConnectHandler(context, new MqttSessionStarter(context),
                (ctx, request, packets) -> { throw new AssertionError("no DPS in this test"); }));
        channel.pipeline().addLast(MqttPipeline.EXCEPTIONS, ExceptionTail.INSTANCE);
        return channel;
    }

    private static MqttMessage connect(String clientId, String username, String password, MqttVersion version,
            int keepAlive) {
        return MqttMessageBuilders.connect().clientId(clientId).username(username)
                .password(password.getBytes(StandardCharsets.UTF_8)).protocolVersion(version).keepAlive(keepAlive)
                .build();
    }

    private void runBlockingWork(EmbeddedChannel channel) {
        while (!blocking.isEmpty()) {
            blocking.poll().run();
        }
        channel.runPendingTasks();
    }

    private static MqttConnectReturnCode connackCode(EmbeddedChannel channel) {
        MqttConnAckMessage connack = channel.readOutbound();
        return connack.variableHeader().connectReturnCode();
    }

    @Test
    void acceptedConnectInstallsTheSessionAndReplaysPacketsSentBeforeTheConnack() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(connect("embedded-1", TestPlatform.username(device), TestPlatform.validToken(device),
                MqttVersion.MQTT_3_1_1, 60));
        assertThat(channel.config().isAutoRead()).as("reading paused while authenticating").isFalse();
        channel.writeInbound(MqttMessage.PINGREQ);

        runBlockingWork(channel);

        assertThat(connackCode(channel)).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        MqttMessage pong = channel.readOutbound();
        assertThat(pong.fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP);
        assertThat(channel.pipeline().names()).contains(MqttPipeline.KEEP_ALIVE, MqttPipeline.SESSION)
                .doesNotContain(MqttPipeline.CONNECT);
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(platform.sessions.find(device.id())).isPresent();
        channel.finishAndReleaseAll();
    }

    @Test
    void zeroKeepAliveMeansNoTimer() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(connect("embedded-1", TestPlatform.username(device), TestPlatform.validToken(device),
                MqttVersion.MQTT_3_1_1, 0));
        runBlockingWork(channel);

        assertThat(connackCode(channel)).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        assertThat(channel.pipeline().names()).doesNotContain(MqttPipeline.KEEP_ALIVE);
        channel.finishAndReleaseAll();
    }

    @Test
    void clientIdMismatchIsRejectedWithoutAuthenticating() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(connect("someone-else", TestPlatform.username(device), TestPlatform.validToken(device),
                MqttVersion.MQTT_3_1_1, 60));

        assertThat(blocking).isEmpty();
        assertThat(connackCode(channel)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
        channel.runPendingTasks();
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void mqtt31IsRefused() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(connect("embedded-1", TestPlatform.username(device), TestPlatform.validToken(device),
                MqttVersion.MQTT_3_1, 60));

        assertThat(connackCode(channel)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
    }

    @Test
    void badSignatureIsRefusedAfterAuthentication() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(connect("embedded-1", TestPlatform.username(device),
                TestPlatform.validToken(device).replace("sig=", "sig=x"), MqttVersion.MQTT_3_1_1, 60));
        runBlockingWork(channel);

        assertThat(connackCode(channel)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void anythingBeforeConnectClosesWithoutConnack() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(MqttMessageBuilders.publish().topicName("devices/embedded-1/messages/events/")
                .qos(MqttQoS.AT_MOST_ONCE).payload(io.netty.buffer.Unpooled.EMPTY_BUFFER).build());

        Object written = channel.readOutbound();
        assertThat(written).isNull();
        assertThat(channel.isActive()).isFalse();
    }
}
