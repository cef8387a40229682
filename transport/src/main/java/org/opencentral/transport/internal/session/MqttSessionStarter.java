package org.opencentral.transport.internal.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import java.util.List;
import org.opencentral.core.device.DeviceId;
import org.opencentral.transport.MqttLimits;
import org.opencentral.transport.MqttServices;
import org.opencentral.transport.internal.SerialExecutor;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.connect.ConnectRequest;
import org.opencentral.transport.internal.connect.SessionStarter;
import org.opencentral.transport.internal.pipeline.Disconnects;
import org.opencentral.transport.internal.pipeline.MqttPipeline;

/**
 * Builds the session of an accepted connection: registers it (closing the connection it replaces,
 * as IoT Hub allows one per device), tells the connection listener, answers CONNACK and installs
 * the session handler with the keep-alive timeout.
 */
public final class MqttSessionStarter implements SessionStarter {
    private final TransportContext context;

    public MqttSessionStarter(TransportContext context) {
        this.context = context;
    }

    @Override
    public void start(ChannelHandlerContext connectContext, DeviceId id, ConnectRequest request,
            List<Object> earlyPackets) {
        Channel channel = connectContext.channel();
        MqttServices services = context.services();
        MqttLimits limits = context.limits();
        DeviceConnection connection = new DeviceConnection(channel, id, context.metrics());
        TrafficShaper shaper = new TrafficShaper(channel,
                new TokenBucket(limits.messagesPerSecond(), limits.burst(), System::nanoTime),
                limits.maxUnacknowledged(), context.metrics());
        MethodCalls methods = new MethodCalls(connection, services.commands(), context.metrics());
        CloudToDeviceDelivery cloudToDevice = new CloudToDeviceDelivery(connection, services.cloudToDevice(),
                context.blocking(), context.metrics());
        MqttDeviceSession session = new MqttDeviceSession(connection, methods, cloudToDevice);
        PublishRouter publishes = new PublishRouter(connection, shaper,
                new TelemetryIngest(connection, services.ingest(), shaper, context.metrics(),
                        context.acks().of(channel.eventLoop())),
                new TwinRequests(connection, services.twins(), new SerialExecutor(context.blocking()), context.metrics()),
                methods);
        SubscriptionRequests subscriptions = new SubscriptionRequests(connection, services.sessions(), cloudToDevice,
                context.blocking(), context.metrics());

        connection.onEnd(() -> {
            services.sessions().unregister(session);
            context.metrics().connectionClosed();
            context.connectionEvents().disconnected(id, Disconnects.reasonOf(channel).listenerText());
        });
        context.metrics().connectionOpened();
        services.sessions().register(session).ifPresent(old -> old.close("replaced by a new connection"));
        context.connectionEvents().connected(id, request.username().modelId());
        channel.closeFuture().addListener(f -> connection.end());

        connectContext.writeAndFlush(MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED).sessionPresent(false).build());
        MqttPipeline.installSession(channel.pipeline(), request.keepAliveTimeout(limits.maxKeepAlive()),
                new SessionHandler(connection, session, publishes, subscriptions, cloudToDevice, context.metrics()));
        channel.config().setAutoRead(true);
        MqttPipeline.replay(channel.pipeline(), earlyPackets);
    }
}
