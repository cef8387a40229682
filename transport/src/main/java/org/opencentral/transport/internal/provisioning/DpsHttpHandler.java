package org.opencentral.transport.internal.provisioning;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.util.function.Supplier;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.provisioning.DpsResponse;
import org.opencentral.platform.provisioning.ProvisioningService;
import org.opencentral.platform.provisioning.RegistrationCredential;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.connect.PeerCertificates;
import org.opencentral.transport.internal.https.HttpReplies;
import org.opencentral.transport.internal.https.HttpsRouteHandler;
import org.opencentral.transport.internal.pipeline.Disconnects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DPS over HTTPS on the WebSocket listener: a request on a {@link DpsHttpRoute} path is answered by
 * the same {@link ProvisioningService} as MQTT (202 with {@code Retry-After}, then 200 with the
 * RegistrationOperationStatus; errors in DPS's JSON), authenticated by the {@code Authorization}
 * SAS token or else the TLS client certificate. The first DPS request turns the connection into an
 * HTTPS one (no MQTT handlers, an idle timeout); any other request goes on (to the device REST
 * surface, the WebSocket upgrade or, on an HTTPS connection, a 404).
 */
public final class DpsHttpHandler extends HttpsRouteHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DpsHttpHandler.class);

    private final ProvisioningService service;
    private final TransportContext context;

    public DpsHttpHandler(TransportContext context) {
        this.service = context.services().provisioning().orElseThrow(() ->
                new IllegalArgumentException("DPS over HTTPS needs the provisioning service"));
        this.context = context;
    }

    /** Whether {@code uri} is a DPS REST path (any method). */
    public static boolean isDpsPath(String uri) {
        return DpsHttpRoute.isDpsPath(uri);
    }

    @Override
    protected boolean serves(String uri) {
        return DpsHttpRoute.isDpsPath(uri);
    }

    @Override
    protected void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        var route = DpsHttpRoute.match(request.method(), request.uri());
        if (route.isEmpty()) {
            respond(ctx, keepAlive, error(HttpResponseStatus.METHOD_NOT_ALLOWED));
            return;
        }
        RegistrationCredential credential = credential(ctx, request);
        byte[] body = ByteBufUtil.getBytes(request.content());
        ctx.channel().config().setAutoRead(false);
        Supplier<DpsResponse> work = switch (route.get()) {
            case DpsHttpRoute.Register r -> () -> service.register(
                    ProvisioningRequests.request(r.idScope(), r.registrationId(), credential, body));
            case DpsHttpRoute.OperationStatus s -> () -> service.operationStatus(s.idScope(), s.registrationId(),
                    s.operationId(), credential);
        };
        identify(ctx, route.get());
        context.blocking().execute(() -> respond(ctx, keepAlive, call(work)));
    }

    private static RegistrationCredential credential(ChannelHandlerContext ctx, FullHttpRequest request) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return new RegistrationCredential.Sas(authorization.strip());
        }
        return PeerCertificates.of(ctx.channel()).<RegistrationCredential>map(RegistrationCredential.Certificate::new)
                .orElseGet(RegistrationCredential.None::new);
    }

    private static void identify(ChannelHandlerContext ctx, DpsHttpRoute route) {
        String registration = switch (route) {
            case DpsHttpRoute.Register r -> r.registrationId();
            case DpsHttpRoute.OperationStatus s -> s.registrationId();
        };
        try {
            Disconnects.identify(ctx.channel(), DeviceId.of(registration));
        } catch (RuntimeException e) {
            // not a valid device id: the service answers 400
        }
    }

    private static DpsResponse call(Supplier<DpsResponse> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            LOG.warn("DPS HTTPS request failed", e);
            return ProvisioningRequests.internalError();
        }
    }

    private static DpsResponse error(HttpResponseStatus status) {
        return new DpsResponse(status.code(), Json.object().put("errorCode", status.code() * 1000)
                .put("message", status.reasonPhrase()), java.util.OptionalInt.empty());
    }

    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, DpsResponse answer) {
        FullHttpResponse response = HttpReplies.json(HttpResponseStatus.valueOf(answer.status()), answer.body());
        answer.retryAfterSeconds().ifPresent(seconds -> response.headers().setInt(HttpHeaderNames.RETRY_AFTER, seconds));
        HttpReplies.send(ctx, keepAlive, response);
    }
}
