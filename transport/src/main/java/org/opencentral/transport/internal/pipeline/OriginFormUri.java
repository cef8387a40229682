package org.opencentral.transport.internal.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Rewrites a request target in absolute form ({@code GET https://host:443/$iothub/websocket?… HTTP/1.1},
 * as the Azure SDKs' AMQP over WebSockets sends it) to origin form ({@code /$iothub/websocket?…}), so
 * that the device handlers after it match paths only. A server must accept both (RFC 9112, 3.2.2).
 */
@Sharable
public final class OriginFormUri extends ChannelInboundHandlerAdapter {
    public static final OriginFormUri INSTANCE = new OriginFormUri();
    static final String NAME = "origin-form";

    private OriginFormUri() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            request.setUri(of(request.uri()));
        }
        ctx.fireChannelRead(msg);
    }

    /** The origin form of a request target: the path and query of an absolute URI, else the target itself. */
    public static String of(String target) {
        int scheme = target.indexOf("://");
        if (scheme < 0 || !target.substring(0, scheme).chars().allMatch(Character::isLetter)) {
            return target;
        }
        int path = target.indexOf('/', scheme + 3);
        int query = target.indexOf('?', scheme + 3);
        if (path < 0 || (query >= 0 && query < path)) {
            return "/" + (query < 0 ? "" : target.substring(query));
        }
        return target.substring(path);
    }
}
