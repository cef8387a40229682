package org.opencentral.transport.internal.https;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.opencentral.core.Json;
import org.opencentral.transport.internal.pipeline.CloseReason;
import org.opencentral.transport.internal.pipeline.Disconnects;

/**
 * Answers on the HTTPS listener (DPS and the device REST surface). A handler pauses reading while
 * it works on a request; the reply resumes it (keep-alive) or closes the connection.
 */
public final class HttpReplies {
    private HttpReplies() {
    }

    /** A response with {@code body} (may be empty) and its Content-Type. */
    public static FullHttpResponse of(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        if (body.length > 0) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    /** A JSON response. */
    public static FullHttpResponse json(HttpResponseStatus status, Object body) {
        return of(status, "application/json; charset=utf-8", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** IoT Hub's error body: {@code {"Message":"ErrorCode:{code};{text}","ExceptionMessage":""}}. */
    public static FullHttpResponse error(HttpResponseStatus status, String code, String text) {
        return json(status, Json.object().put("Message", "ErrorCode:" + code + ";" + text).put("ExceptionMessage", ""));
    }

    /** Sends {@code response}; any thread. */
    public static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response).addListener(f -> ctx.channel().config().setAutoRead(true));
        } else {
            Disconnects.record(ctx.channel(), CloseReason.CLIENT_DISCONNECT, "HTTP request without keep-alive");
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
