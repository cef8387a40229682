package org.opencentral.transport.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencentral.transport.WebTunnel;

/**
 * The HTTPS listener's first decision: a device request (MQTT over WebSockets, DPS) keeps the
 * device handlers and reaches them byte for byte; anything else becomes a tunnel that carries the
 * connection's bytes, in order and unchanged, to the web server and its answers back.
 */
class WebRequestSplitterTest {
    private static final String TAIL = "tail";

    @Test
    void aWebSocketUpgradeStaysWithTheDeviceHandlers() {
        RecordingTunnel web = new RecordingTunnel();
        EmbeddedChannel channel = channel(web);
        String request = "GET /$iothub/websocket?iothub-no-client-cert=true HTTP/1.1\r\nHost: h\r\n\r\n";

        channel.writeInbound(bytes(request.substring(0, 10)));
        assertThat(channel.pipeline().get(MqttPipeline.WEB)).as("waits for the whole request line").isNotNull();
        channel.writeInbound(bytes(request.substring(10)));

        assertThat(channel.pipeline().get(MqttPipeline.WEB)).isNull();
        assertThat(channel.pipeline().get(MqttPipeline.HTTP)).isNotNull();
        assertThat(channel.pipeline().get(MqttPipeline.WEB_TUNNEL)).isNull();
        assertThat(text(channel.readInbound())).isEqualTo(request);
        assertThat(web.opened).isEmpty();
    }

    @Test
    void anyOtherRequestIsTunnelledVerbatimAndItsAnswerComesBack() {
        RecordingTunnel web = new RecordingTunnel();
        EmbeddedChannel channel = channel(web);
        String request = "GET /api/devices?api-version=2022-07-31 HTTP/1.1\r\nHost: h\r\n\r\n";

        channel.writeInbound(bytes(request.substring(0, 7)), bytes(request.substring(7)));
        channel.writeInbound(bytes("GET /next HTTP/1.1\r\n\r\n"));

        assertThat(channel.pipeline().names()).contains(MqttPipeline.WEB_TUNNEL)
                .doesNotContain(MqttPipeline.WEB, MqttPipeline.HTTP, MqttPipeline.CONNECT);
        assertThat(web.opened).containsExactly(new InetSocketAddress("192.0.2.7", 50_000));
        assertThat(web.received.toString(StandardCharsets.US_ASCII))
                .isEqualTo(request + "GET /next HTTP/1.1\r\n\r\n");

        web.toClient.get(0).write(ByteBuffer.wrap("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                () -> { });
        assertThat(text(channel.readOutbound())).isEqualTo("HTTP/1.1 200 OK\r\n\r\n");

        channel.close();
        assertThat(web.closed).isTrue();
    }

    @Test
    void theRequestTargetIsTheMiddleOfThreeParts() {
        assertThat(WebRequestSplitter.target("PUT /scope/registrations/d1/register?api-version=x HTTP/1.1\r"))
                .isEqualTo("/scope/registrations/d1/register?api-version=x");
        assertThat(WebRequestSplitter.target("garbage")).isEmpty();
    }

    @Test
    void anAbsoluteTargetIsReadInOriginForm() {
        assertThat(WebRequestSplitter.target(
                "GET https://hub.example:443/$iothub/websocket?iothub-no-client-cert=true HTTP/1.1\r"))
                .isEqualTo("/$iothub/websocket?iothub-no-client-cert=true");
        assertThat(OriginFormUri.of("http://hub.example")).isEqualTo("/");
        assertThat(OriginFormUri.of("https://hub.example?x=1")).isEqualTo("/?x=1");
        assertThat(OriginFormUri.of("/api/devices?next=https://x/y")).isEqualTo("/api/devices?next=https://x/y");
    }

    /** The WebSocket listener's handlers after TLS, with plain stand-ins named as the pipeline names them. */
    private static EmbeddedChannel channel(WebTunnel web) {
        EmbeddedChannel channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress localAddress0() {
                return new InetSocketAddress("127.0.0.1", 8443);
            }

            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress("192.0.2.7", 50_000);
            }
        };
        channel.pipeline().addLast(MqttPipeline.WEB, new WebRequestSplitter(
                target -> target.startsWith("/$iothub/websocket"), web));
        for (String name : MqttPipeline.DEVICE_HANDLERS) {
            channel.pipeline().addLast(name, new ChannelInboundHandlerAdapter());
        }
        channel.pipeline().addLast(TAIL, new ChannelInboundHandlerAdapter());
        return channel;
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private static String text(Object message) {
        ByteBuf buffer = (ByteBuf) message;
        try {
            return buffer.toString(StandardCharsets.US_ASCII);
        } finally {
            buffer.release();
        }
    }

    /** A web server that keeps what it receives and lets the test answer. */
    private static final class RecordingTunnel implements WebTunnel {
        final List<InetSocketAddress> opened = new ArrayList<>();
        final List<Stream> toClient = new ArrayList<>();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean closed;

        @Override
        public Stream open(InetSocketAddress client, InetSocketAddress local, Stream peer) {
            opened.add(client);
            toClient.add(peer);
            return new Stream() {
                @Override
                public void write(ByteBuffer bytes, Runnable written) {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    received.writeBytes(copy);
                    written.run();
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }
}
