package org.opencentral.transport.internal.provisioning;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import java.time.Duration;
import java.util.List;
import org.opencentral.platform.provisioning.RegistrationCredential;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.connect.PeerCertificates;
import org.opencentral.transport.internal.connect.ProvisioningConnect;
import org.opencentral.transport.internal.connect.ProvisioningStarter;
import org.opencentral.transport.internal.pipeline.MqttPipeline;

/** Accepts a DPS connection: CONNACK, then the provisioning session handler behind a keep-alive timer. */
public final class ProvisioningSessionStarter implements ProvisioningStarter {
    private final TransportContext context;

    public ProvisioningSessionStarter(TransportContext context) {
        this.context = context;
    }

    @Override
    public void start(ChannelHandlerContext connectContext, ProvisioningConnect request, List<Object> earlyPackets) {
        Channel channel = connectContext.channel();
        RegistrationCredential credential = request.password()
                .<RegistrationCredential>map(RegistrationCredential.Sas::new)
                .or(() -> PeerCertificates.of(channel).map(RegistrationCredential.Certificate::new))
                .orElseGet(RegistrationCredential.None::new);
        ProvisioningRequests requests = new ProvisioningRequests(channel, request, credential,
                context.services().provisioning().orElseThrow(), context.blocking());
        connectContext.writeAndFlush(MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED).sessionPresent(false).build());
        Duration keepAlive = request.keepAliveSeconds() <= 0 ? Duration.ZERO
                : min(Duration.ofMillis(request.keepAliveSeconds() * 1500L), context.limits().maxKeepAlive());
        MqttPipeline.installSession(channel.pipeline(), keepAlive, new ProvisioningSessionHandler(requests));
        channel.config().setAutoRead(true);
        MqttPipeline.replay(channel.pipeline(), earlyPackets);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
