package org.opencentral.transport.internal.connect;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opencentral.core.logging.RepeatedFailures;
import org.opencentral.platform.device.DeviceAuthentication;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.pipeline.CloseReason;
import org.opencentral.transport.internal.pipeline.Disconnects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The first handler of a connection: expects CONNECT within the connect timeout, validates it,
 * authenticates the SAS token on the blocking executor (reading is paused meanwhile) and then
 * either hands over to the {@link SessionStarter} or answers a refusing CONNACK and closes.
 * Packets the device pipelines behind its CONNECT are kept and replayed after acceptance.
 */
public final class ConnectHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectHandler.class);
    /** Shared by every connection: while a store fails (a full disk) each reconnecting device would log it. */
    private static final RepeatedFailures AUTHENTICATION_FAILURES = RepeatedFailures.of(LOG);
    private static final int MAX_EARLY_PACKETS = 64;

    private final TransportContext context;
    private final SessionStarter starter;
    private final ProvisioningStarter provisioning;
    private final List<Object> early = new ArrayList<>();
    private boolean deciding;
    private ScheduledFuture<?> timeout;

    public ConnectHandler(TransportContext context, SessionStarter starter, ProvisioningStarter provisioning) {
        this.context = context;
        this.starter = starter;
        this.provisioning = provisioning;
    }

    /**
     * The CONNECT timeout runs from the end of the TLS handshake (the handshake has its own timeout,
     * set by {@link org.opencentral.transport.internal.pipeline.MqttPipeline}): during a connect storm
     * handshakes queue up on the event loops, and a timer started at accept closed connections whose
     * device had no chance to send CONNECT yet.
     */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        if (tls == null || tls.handshakeFuture().isDone()) {
            startTimeout(ctx);
        } else {
            tls.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    startTimeout(ctx);
                }
            });
        }
    }

    private void startTimeout(ChannelHandlerContext ctx) {
        if (ctx.isRemoved() || deciding || timeout != null) {
            return;
        }
        timeout = ctx.executor().schedule(() -> Disconnects.close(ctx.channel(), CloseReason.CONNECT_TIMEOUT, ""),
                context.limits().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelTimeout();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseEarly();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (deciding) {
            keepEarly(ctx, msg);
            return;
        }
        try {
            if (!(msg instanceof MqttMessage mqtt)) {
                Disconnects.close(ctx.channel(), CloseReason.PROTOCOL_VIOLATION, "not an MQTT packet");
            } else if (mqtt.decoderResult().isFailure()) {
                undecodable(ctx, mqtt.decoderResult().cause());
            } else if (!(mqtt instanceof MqttConnectMessage connect)) {
                Disconnects.close(ctx.channel(), CloseReason.PROTOCOL_VIOLATION, "the first packet must be CONNECT");
            } else {
                deciding = true;
                cancelTimeout();
                switch (ConnectValidation.validate(connect)) {
                    case Refusal refusal -> refuse(ctx, refusal);
                    case ConnectRequest request -> authenticate(ctx, request);
                    case ProvisioningConnect request -> startProvisioning(ctx, request);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void keepEarly(ChannelHandlerContext ctx, Object msg) {
        if (early.size() >= MAX_EARLY_PACKETS) {
            ReferenceCountUtil.release(msg);
            Disconnects.close(ctx.channel(), CloseReason.PROTOCOL_VIOLATION, "too many packets before CONNACK");
            return;
        }
        early.add(msg);
    }

    private void undecodable(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof MqttUnacceptableProtocolVersionException) {
            refuse(ctx, new Refusal(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
                    "protocol_version", String.valueOf(cause.getMessage())));
        } else if (cause instanceof MqttIdentifierRejectedException) {
            refuse(ctx, Refusal.identifier(String.valueOf(cause.getMessage())));
        } else {
            Disconnects.close(ctx.channel(), CloseReason.MALFORMED_PACKET, String.valueOf(cause.getMessage()));
        }
    }

    private void startProvisioning(ChannelHandlerContext ctx, ProvisioningConnect request) {
        if (context.services().provisioning().isEmpty()) {
            refuse(ctx, Refusal.identifier("device provisioning is not enabled"));
            return;
        }
        Disconnects.identify(ctx.channel(), org.opencentral.core.device.DeviceId.of(request.registrationId()));
        List<Object> packets = List.copyOf(early);
        early.clear();
        provisioning.start(ctx, request, packets);
    }

    private void authenticate(ChannelHandlerContext ctx, ConnectRequest request) {
        Disconnects.identify(ctx.channel(), request.deviceId());
        ctx.channel().config().setAutoRead(false);
        java.util.Optional<org.opencentral.platform.provisioning.CertificateChain> chain =
                request.password().isEmpty() ? PeerCertificates.of(ctx.channel()) : java.util.Optional.empty();
        context.blocking().execute(() -> {
            DeviceAuthentication result;
            try {
                result = authenticate(request, chain);
            } catch (RuntimeException e) {
                AUTHENTICATION_FAILURES.log(Level.WARN, e, "cannot authenticate device {}", request.deviceId());
                ctx.executor().execute(() -> refuse(ctx, Refusal.unavailable("authentication failed: " + e)));
                return;
            }
            ctx.executor().execute(() -> decide(ctx, request, result));
        });
    }

    private DeviceAuthentication authenticate(ConnectRequest request,
            java.util.Optional<org.opencentral.platform.provisioning.CertificateChain> chain) {
        return DeviceCredentials.authenticate(context.services(), request.deviceId(),
                java.util.Optional.of(request.password()).filter(password -> !password.isEmpty()), chain);
    }

    private void decide(ChannelHandlerContext ctx, ConnectRequest request, DeviceAuthentication result) {
        if (!ctx.channel().isActive()) {
            releaseEarly();
            return;
        }
        switch (result) {
            case DeviceAuthentication.Refused refused -> refuse(ctx, Refusal.of(refused));
            case DeviceAuthentication.Accepted accepted -> {
                List<Object> packets = List.copyOf(early);
                early.clear();
                starter.start(ctx, accepted.device(), request, packets);
            }
        }
    }

    private void refuse(ChannelHandlerContext ctx, Refusal refusal) {
        releaseEarly();
        context.metrics().refused(refusal.tag());
        MqttMessage connack = MqttMessageBuilders.connAck().returnCode(refusal.code()).sessionPresent(false).build();
        Disconnects.closeAfter(ctx.writeAndFlush(connack), CloseReason.REFUSED, refusal.tag() + ": " + refusal.detail());
    }

    private void releaseEarly() {
        early.forEach(ReferenceCountUtil::release);
        early.clear();
    }
}
