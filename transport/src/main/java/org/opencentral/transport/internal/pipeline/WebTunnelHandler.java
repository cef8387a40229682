package org.opencentral.transport.internal.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencentral.transport.WebTunnel;

/**
 * Carries a decrypted connection's bytes to the web server and back. Reading from the peer pauses
 * while bytes handed to the web server are not yet written, so a fast peer cannot fill memory.
 */
final class WebTunnelHandler extends ChannelInboundHandlerAdapter {
    private final WebTunnel web;
    private final AtomicInteger unwritten = new AtomicInteger();
    private WebTunnel.Stream toWeb;

    WebTunnelHandler(WebTunnel web) {
        this.web = web;
    }

    /** However it ends, a tunnelled connection is counted and logged as a web connection, not a device's. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        Disconnects.record(channel, CloseReason.WEB, "");
        toWeb = web.open((InetSocketAddress) channel.remoteAddress(), (InetSocketAddress) channel.localAddress(),
                new ToPeer(channel));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(bytes.readableBytes());
        bytes.readBytes(copy);
        bytes.release();
        copy.flip();
        Channel channel = ctx.channel();
        unwritten.incrementAndGet();
        channel.config().setAutoRead(false);
        toWeb.write(copy, () -> {
            if (unwritten.decrementAndGet() == 0) {
                channel.config().setAutoRead(true);
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        toWeb.close();
        ctx.fireChannelInactive();
    }

    /** The web server's bytes, written to the peer; the next ones are read once these are sent. */
    private record ToPeer(Channel channel) implements WebTunnel.Stream {
        @Override
        public void write(ByteBuffer bytes, Runnable written) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(future -> written.run());
        }

        @Override
        public void close() {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
