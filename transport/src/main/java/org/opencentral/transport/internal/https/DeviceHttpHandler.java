package org.opencentral.transport.internal.https;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.device.DeviceAuthentication;
import org.opencentral.platform.ingest.TelemetryMessage;
import org.opencentral.platform.provisioning.CertificateChain;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.connect.DeviceCredentials;
import org.opencentral.transport.internal.connect.PeerCertificates;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.pipeline.Disconnects;
import org.opencentral.transport.internal.topic.Decoded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IoT Hub's device REST surface on the HTTPS listener ({@link DeviceHttpRoute}). Every request is
 * authenticated for the device its path names, by the {@code Authorization} SAS token or else the
 * TLS client certificate, so a device reaches only its own paths. Telemetry is answered 204 only
 * once every message of the request is durable in the event log (the MQTT PUBACK rule); a message
 * over the size limit is a 413, a malformed batch a 400. The first device request turns the
 * connection into an HTTPS one; other requests go on.
 */
public final class DeviceHttpHandler extends HttpsRouteHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceHttpHandler.class);

    private final TransportContext context;
    private final CloudToDeviceRequests cloudToDevice;
    private final FileUploadRequests files;

    public DeviceHttpHandler(TransportContext context) {
        this.context = context;
        this.cloudToDevice = new CloudToDeviceRequests(context.services().cloudToDevice(), context.metrics());
        this.files = new FileUploadRequests(context.services().files());
    }

    /** Whether a request target is a path of IoT Hub's device REST surface (this handler's). */
    public static boolean isDevicePath(String uri) {
        return DeviceHttpRoute.isDevicePath(uri);
    }

    @Override
    protected boolean serves(String uri) {
        return isDevicePath(uri);
    }

    @Override
    protected void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        ctx.channel().config().setAutoRead(false);
        Optional<DeviceHttpRoute> route = DeviceHttpRoute.match(request.method(), request.uri());
        if (route.isEmpty()) {
            HttpReplies.send(ctx, keepAlive, HttpReplies.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "MethodNotAllowed", request.method() + " is not allowed on this path"));
            return;
        }
        DeviceId id;
        try {
            id = DeviceId.of(route.get().deviceId());
        } catch (RuntimeException e) {
            HttpReplies.send(ctx, keepAlive, HttpReplies.error(HttpResponseStatus.BAD_REQUEST, "ArgumentInvalid",
                    "invalid device id: " + e.getMessage()));
            return;
        }
        Disconnects.identify(ctx.channel(), id);
        Optional<String> sas = Optional.ofNullable(request.headers().get(HttpHeaderNames.AUTHORIZATION))
                .map(String::strip).filter(token -> !token.isEmpty());
        Optional<CertificateChain> chain = sas.isEmpty() ? PeerCertificates.of(ctx.channel()) : Optional.empty();
        Request work = switch (route.get()) {
            case DeviceHttpRoute.SendEvents events -> new Request.Events(HttpMessages.events(request));
            case DeviceHttpRoute.Receive receive -> new Request.Receive(cloudToDevice.lockTimeout(request.headers()));
            case DeviceHttpRoute.Settle settle -> new Request.Settle(settle);
            case DeviceHttpRoute.RequestUpload upload -> new Request.Upload(ByteBufUtil.getBytes(request.content()),
                    Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST)));
            case DeviceHttpRoute.NotifyUpload notify -> new Request.Notify(ByteBufUtil.getBytes(request.content()),
                    notify.correlationId());
        };
        context.blocking().execute(() -> answer(id, sas, chain, work).whenComplete((response, error) ->
                HttpReplies.send(ctx, keepAlive, error == null ? response : failed(id, error))));
    }

    private CompletableFuture<FullHttpResponse> answer(DeviceId id, Optional<String> sas,
            Optional<CertificateChain> chain, Request work) {
        try {
            return switch (DeviceCredentials.authenticate(context.services(), id, sas, chain)) {
                case DeviceAuthentication.Refused refused -> CompletableFuture.completedFuture(refused(refused));
                case DeviceAuthentication.Accepted accepted -> serve(id, work);
            };
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<FullHttpResponse> serve(DeviceId id, Request work) {
        return switch (work) {
            case Request.Events events -> ingest(id, events.messages());
            case Request.Receive receive -> CompletableFuture.completedFuture(cloudToDevice.receive(id, receive.lock()));
            case Request.Settle settle -> CompletableFuture.completedFuture(cloudToDevice.settle(id, settle.route()));
            case Request.Upload upload -> CompletableFuture.completedFuture(files.request(id, upload.body(), upload.host()));
            case Request.Notify notify -> CompletableFuture.completedFuture(files.notify(id, notify.body(), notify.correlationId()));
        };
    }

    private CompletableFuture<FullHttpResponse> ingest(DeviceId id, Decoded<List<TelemetryMessage>> decoded) {
        if (decoded instanceof Decoded.Failed<List<TelemetryMessage>> failed) {
            context.metrics().error("https_malformed_events");
            return CompletableFuture.completedFuture(HttpReplies.error(HttpResponseStatus.BAD_REQUEST,
                    "ArgumentInvalid", failed.reason()));
        }
        List<TelemetryMessage> messages = ((Decoded.Ok<List<TelemetryMessage>>) decoded).value();
        Optional<TelemetryMessage> tooLarge = messages.stream()
                .filter(message -> !context.services().ingest().limit().admits(message.body().length)).findFirst();
        if (tooLarge.isPresent()) {
            context.metrics().error("https_message_too_large");
            return CompletableFuture.completedFuture(HttpReplies.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "MessageTooLarge", "a message of " + tooLarge.get().body().length + " bytes is over the limit of "
                            + context.services().ingest().limit().maxBytes() + " bytes"));
        }
        long start = System.nanoTime();
        CompletableFuture<?>[] appends = messages.stream().map(message -> {
            context.metrics().received(MessageKind.TELEMETRY);
            return context.services().ingest().telemetry(id, message);
        }).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(appends).thenApply(done -> {
            context.metrics().telemetryAcknowledged(start);
            return HttpReplies.of(HttpResponseStatus.NO_CONTENT, "", new byte[0]);
        });
    }

    private FullHttpResponse refused(DeviceAuthentication.Refused refused) {
        context.metrics().refused("https_" + refused.reason().name().toLowerCase(Locale.ROOT));
        return switch (refused.reason()) {
            case DISABLED -> HttpReplies.error(HttpResponseStatus.FORBIDDEN, "DeviceDisabled", "the device is blocked");
            case EXPIRED -> HttpReplies.error(HttpResponseStatus.UNAUTHORIZED, "IotHubUnauthorizedAccess",
                    "the SAS token has expired");
            case BAD_CREDENTIALS, UNKNOWN_DEVICE -> HttpReplies.error(HttpResponseStatus.UNAUTHORIZED,
                    "IotHubUnauthorizedAccess", "no valid SAS token or client certificate for this device");
        };
    }

    private FullHttpResponse failed(DeviceId id, Throwable error) {
        LOG.warn("device HTTPS request of {} failed", id, error);
        context.metrics().error("https_failed");
        return HttpReplies.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "ServerBusy",
                "the request could not be completed; send it again");
    }

    /** What a request asks for, taken from it on the event loop before it is released. */
    private sealed interface Request {
        record Events(Decoded<List<TelemetryMessage>> messages) implements Request {
        }

        record Receive(Duration lock) implements Request {
        }

        record Settle(DeviceHttpRoute.Settle route) implements Request {
        }

        record Upload(byte[] body, Optional<String> host) implements Request {
        }

        record Notify(byte[] body, Optional<String> correlationId) implements Request {
        }
    }
}
