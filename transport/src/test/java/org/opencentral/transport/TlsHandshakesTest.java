package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencentral.transport.internal.pipeline.TlsHandshakes;

/**
 * The device listeners' TLS over real sockets: BoringSSL loads here (the platform the release is
 * built for), both providers speak TLS 1.3 and 1.2 to a JDK client, the JDK provider's delegated tasks
 * run on the handshake executor (not the event loop) while BoringSSL hands out none, BoringSSL prefers
 * X25519 to the post-quantum hybrid a BoringSSL client puts first and still agrees the hybrid with a
 * client that offers nothing else, and a client that reconnects resumes its session (a resumed
 * session keeps the creation time of the one it resumes).
 */
class TlsHandshakesTest {
    private final SelfSignedCertificate certificate = selfSigned();
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final AtomicInteger delegated = new AtomicInteger();
    private final List<Channel> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void tidy() {
        delegated.set(0);
    }

    @AfterEach
    void stop() {
        opened.forEach(Channel::close);
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        pool.shutdownNow();
        certificate.delete();
    }

    @Test
    void boringSslLoadsOnLinuxX86() {
        assumeThat(System.getProperty("os.name").toLowerCase(Locale.ROOT)).contains("linux");
        assumeThat(System.getProperty("os.arch")).isIn("amd64", "x86_64");
        assertThat(MqttTls.provider()).isEqualTo(SslProvider.OPENSSL);
    }

    @ParameterizedTest
    @EnumSource(value = SslProvider.class, names = {"JDK", "OPENSSL"})
    void bothProvidersSpeakTls13AndTls12(SslProvider provider) throws Exception {
        assumeProvider(provider);
        InetSocketAddress server = listen(MqttTls.of(provider, certificate.key(), certificate.cert()));
        assertThat(handshake(server, client("TLSv1.3")).getProtocol()).isEqualTo("TLSv1.3");
        assertThat(handshake(server, client("TLSv1.2")).getProtocol()).isEqualTo("TLSv1.2");
    }

    @Test
    void theJdkProvidersHandshakeWorkRunsOnTheHandshakeExecutor() throws Exception {
        InetSocketAddress server = listen(MqttTls.of(SslProvider.JDK, certificate.key(), certificate.cert()));
        handshake(server, client("TLSv1.3"));
        assertThat(delegated).as("delegated tasks run on the handshake executor").hasPositiveValue();
    }

    @Test
    void boringSslHandsOutNoDelegatedTasks() throws Exception {
        assumeProvider(SslProvider.OPENSSL);
        InetSocketAddress server = listen(MqttTls.of(SslProvider.OPENSSL, certificate.key(), certificate.cert()));
        handshake(server, client("TLSv1.3"));
        handshake(server, client("TLSv1.2"));
        assertThat(delegated).as("the handshake runs on the event loop, no thread switch").hasValue(0);
    }

    @Test
    void boringSslPrefersX25519AndStillAgreesThePostQuantumHybrid() throws Exception {
        assumeProvider(SslProvider.OPENSSL);
        SslContext server = MqttTls.of(SslProvider.OPENSSL, certificate.key(), certificate.cert()).sslContext();
        SslContext boringSslDefaults = SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL)
                .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE).build();
        SslContext hybridOnly = SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL)
                .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE)
                .option(io.netty.handler.ssl.OpenSslContextOption.GROUPS, new String[] {"X25519MLKEM768"}).build();

        assertThat(ServerHellos.keyShareGroup(boringSslDefaults, server)).as("X25519 (0x001d)").isEqualTo(0x001d);
        assertThat(ServerHellos.keyShareGroup(hybridOnly, server)).as("X25519MLKEM768 (0x11ec)").isEqualTo(0x11ec);
    }

    @ParameterizedTest
    @EnumSource(value = SslProvider.class, names = {"JDK", "OPENSSL"})
    void aReconnectingClientResumesItsSession(SslProvider provider) throws Exception {
        assumeProvider(provider);
        MqttTls tls = MqttTls.of(provider, certificate.key(), certificate.cert());
        InetSocketAddress server = listen(tls);
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            SslContext client = client(protocol);
            SSLSession first = handshake(server, client);
            Thread.sleep(5);
            SSLSession second = handshake(server, client);
            SSLSession stranger = handshake(server, client(protocol));
            assertThat(second.getCreationTime()).as("%s resumes the session of the first connection", protocol)
                    .isEqualTo(first.getCreationTime());
            assertThat(stranger.getCreationTime()).as("a client without a session gets a new one")
                    .isNotEqualTo(first.getCreationTime());
        }
    }

    private static void assumeProvider(SslProvider provider) {
        assumeThat(SslProvider.isTlsv13Supported(provider)).as(provider + " is available").isTrue();
    }

    private InetSocketAddress listen(MqttTls tls) {
        TlsHandshakes handshakes = new TlsHandshakes(tls.sslContext(), task -> {
            delegated.incrementAndGet();
            pool.execute(task);
        }, Duration.ofSeconds(10));
        Channel channel = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler handler = handshakes.newHandler(ch);
                        ch.pipeline().addLast(handler);
                        // one byte after the handshake: the client reads the session ticket sent before it
                        handler.handshakeFuture().addListener(f -> {
                            if (f.isSuccess()) {
                                ch.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {42}));
                            }
                        });
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
        opened.add(channel);
        return (InetSocketAddress) channel.localAddress();
    }

    private SSLSession handshake(InetSocketAddress server, SslContext client) throws Exception {
        CompletableFuture<SSLSession> session = new CompletableFuture<>();
        Channel channel = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler handler = client.newHandler(ch.alloc(), "127.0.0.1", server.getPort());
                        ch.pipeline().addLast(handler, new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                session.complete(handler.engine().getSession());
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                session.completeExceptionally(cause);
                            }
                        });
                    }
                }).connect(server).syncUninterruptibly().channel();
        try {
            return session.get(10, TimeUnit.SECONDS);
        } finally {
            channel.close().syncUninterruptibly();
        }
    }

    private static SslContext client(String protocol) throws Exception {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE).protocols(protocol).build();
    }

    private static SelfSignedCertificate selfSigned() {
        try {
            return new SelfSignedCertificate("localhost", "EC", 256);
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
