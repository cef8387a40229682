package org.opencentral.transport.internal.https;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCountUtil;
import org.opencentral.transport.internal.pipeline.MqttPipeline;

/**
 * A handler of the HTTPS listener that serves one table of paths (DPS, the device API): a request
 * on one of them turns the connection into an HTTPS one and is answered here; anything else goes on
 * down the pipeline.
 */
public abstract class HttpsRouteHandler extends ChannelInboundHandlerAdapter {
    /** Whether {@code uri}'s path is one of this handler's (any method: a wrong one is answered here). */
    protected abstract boolean serves(String uri);

    /** Answers {@code request}, which is released when this returns. */
    protected abstract void handle(ChannelHandlerContext ctx, FullHttpRequest request);

    @Override
    public final void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || !serves(request.uri())) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            MqttPipeline.becomeHttps(ctx.pipeline());
            handle(ctx, request);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
