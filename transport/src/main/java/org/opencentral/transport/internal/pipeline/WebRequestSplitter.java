package org.opencentral.transport.internal.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.opencentral.transport.WebTunnel;

/**
 * The first handler after TLS on the HTTPS listener when it also serves the web: it reads the
 * first request line and either steps aside (a device request: MQTT over WebSockets or DPS) or
 * turns the connection into a {@link WebTunnelHandler} to the web server. A first line longer than
 * {@value #MAX_REQUEST_LINE} bytes stays with the device handlers, which refuse it.
 */
public final class WebRequestSplitter extends ByteToMessageDecoder {
    static final int MAX_REQUEST_LINE = 8 * 1024;

    private final Predicate<String> deviceRequest;
    private final WebTunnel web;

    /** With {@code deviceRequest}: whether a request target (path and query) is for the device handlers. */
    public WebRequestSplitter(Predicate<String> deviceRequest, WebTunnel web) {
        this.deviceRequest = deviceRequest;
        this.web = web;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int end = in.forEachByte(in.readerIndex(), Math.min(in.readableBytes(), MAX_REQUEST_LINE), ByteProcessor.FIND_LF);
        if (end < 0 && in.readableBytes() < MAX_REQUEST_LINE) {
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        if (end < 0 || deviceRequest.test(target(in.toString(in.readerIndex(), end - in.readerIndex(),
                StandardCharsets.US_ASCII)))) {
            pipeline.remove(this);
            return;
        }
        for (String name : MqttPipeline.DEVICE_HANDLERS) {
            if (pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
        pipeline.addAfter(ctx.name(), MqttPipeline.WEB_TUNNEL, new WebTunnelHandler(web));
        pipeline.remove(this);
    }

    /**
     * The request target of a request line ({@code METHOD SP target SP version}) in origin form, or
     * the empty string.
     */
    static String target(String requestLine) {
        String[] parts = requestLine.trim().split(" ");
        return parts.length == 3 ? OriginFormUri.of(parts[1]) : "";
    }
}
