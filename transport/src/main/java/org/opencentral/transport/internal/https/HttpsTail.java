package org.opencentral.transport.internal.https;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.opencentral.transport.internal.pipeline.CloseReason;
import org.opencentral.transport.internal.pipeline.Disconnects;

/**
 * The end of an HTTPS connection's handlers: a request no route took is a 404, and an idle
 * connection is closed.
 */
@ChannelHandler.Sharable
public final class HttpsTail extends ChannelInboundHandlerAdapter {
    public static final HttpsTail INSTANCE = new HttpsTail();

    private HttpsTail() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            ctx.channel().config().setAutoRead(false);
            HttpReplies.send(ctx, HttpUtil.isKeepAlive(request), HttpReplies.error(HttpResponseStatus.NOT_FOUND,
                    "NotFound", "no such resource: " + request.method() + " " + request.uri().split("\\?")[0]));
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            Disconnects.close(ctx.channel(), CloseReason.HTTP_IDLE, "");
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }
}
