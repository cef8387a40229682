package org.opencentral.transport.internal.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last handler of every pipeline: turns any exception into one classified close. */
@Sharable
public final class ExceptionTail extends ChannelInboundHandlerAdapter {
    public static final ExceptionTail INSTANCE = new ExceptionTail();
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionTail.class);

    private ExceptionTail() {
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        CloseReason reason = classify(cause);
        if (reason == CloseReason.INTERNAL_ERROR && Disconnects.record(ctx.channel(), reason, String.valueOf(cause))) {
            LOG.warn("unexpected error on MQTT connection {}", ctx.channel().remoteAddress(), cause);
        }
        Disconnects.close(ctx.channel(), reason, String.valueOf(cause.getMessage()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    static CloseReason classify(Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof SSLException) {
            return CloseReason.TLS_FAILED;
        }
        if (root instanceof TooLongFrameException) {
            return CloseReason.MESSAGE_TOO_LARGE;
        }
        if (root instanceof IOException) {
            return CloseReason.CONNECTION_LOST;
        }
        if (root instanceof WebSocketHandshakeException) {
            return CloseReason.PROTOCOL_VIOLATION;
        }
        if (cause instanceof DecoderException || root instanceof CorruptedWebSocketFrameException) {
            return CloseReason.MALFORMED_PACKET;
        }
        return CloseReason.INTERNAL_ERROR;
    }
}
