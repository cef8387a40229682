package org.opencentral.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.netty.util.ReferenceCountUtil;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * What a TLS handshake costs the server: the CPU time of the server's side only (its engine's wrap,
 * unwrap and delegated tasks, measured with the thread's CPU clock, so other work on the machine
 * does not count), for each provider (BoringSSL, JDK) and server key (ECDSA P-256, RSA 2048), full
 * handshakes and resumed ones, TLS 1.3 and 1.2, against a JDK client; then full TLS 1.3 handshakes
 * against a BoringSSL client with the server's key-exchange preference and Netty's default. The
 * client runs in the same thread, excluded from the figure. In memory, no sockets. Not a test: run it by hand
 * (BENCHMARKS.md, issue 17).
 *
 * <pre>java -cp … org.opencentral.transport.TlsHandshakeBenchmark [handshakes per case, default 2000]</pre>
 */
public final class TlsHandshakeBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private TlsHandshakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        SelfSignedCertificate ec = new SelfSignedCertificate("localhost", "EC", 256);
        SelfSignedCertificate rsa = new SelfSignedCertificate("localhost", "RSA", 2048);
        System.out.println("| provider | server key | protocol | handshake | server CPU µs per handshake | handshakes per server CPU-second |");
        System.out.println("|---|---|---|---|---|---|");
        for (SslProvider provider : List.of(SslProvider.OPENSSL, SslProvider.JDK)) {
            if (!SslProvider.isTlsv13Supported(provider)) {
                System.out.println("| " + provider + " | not available here | | | | |");
                continue;
            }
            for (var key : List.of(new Key("ECDSA P-256", ec), new Key("RSA 2048", rsa))) {
                SslContext server = MqttTls.of(provider, key.certificate.key(), key.certificate.cert()).sslContext();
                for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
                    for (boolean resumed : List.of(false, true)) {
                        run(server, SslProvider.JDK, protocol, resumed, count / 4);   // warm-up
                        double micros = run(server, SslProvider.JDK, protocol, resumed, count) / 1e3 / count;
                        System.out.printf("| %s | %s | %s | %s | %.0f | %,.0f |%n", provider, key.name, protocol,
                                resumed ? "resumed" : "full", micros, 1e6 / micros);
                    }
                }
            }
        }
        boringSslClient(count, ec);
        ec.delete();
        rsa.delete();
    }

    /**
     * A BoringSSL client (bench/sim's; OpenSSL 3.5 and Chrome offer the same) puts the post-quantum
     * hybrid X25519MLKEM768 first: the server's CPU with Netty's default group list (the hybrid first)
     * and with {@link MqttTls#GROUPS} (X25519 first), full TLS 1.3 handshakes, ECDSA P-256.
     */
    private static void boringSslClient(int count, SelfSignedCertificate ec) throws SSLException {
        if (!SslProvider.isTlsv13Supported(SslProvider.OPENSSL)) {
            return;
        }
        System.out.println();
        System.out.println("| server groups, BoringSSL client, TLS 1.3 full, ECDSA P-256 | server CPU µs per handshake |");
        System.out.println("|---|---|");
        for (int round = 0; round < 2; round++) {
            for (var groups : List.of(List.<String>of(), List.of(MqttTls.GROUPS))) {
                SslContext server = MqttTls.of(SslProvider.OPENSSL, groups, ec.key(), ec.cert()).sslContext();
                run(server, SslProvider.OPENSSL, "TLSv1.3", false, count / 4);   // warm-up
                double micros = run(server, SslProvider.OPENSSL, "TLSv1.3", false, count) / 1e3 / count;
                System.out.printf("| %s (round %d) | %.0f |%n",
                        groups.isEmpty() ? "Netty's default (X25519MLKEM768 first)" : String.join(", ", groups),
                        round + 1, micros);
            }
        }
    }

    private record Key(String name, SelfSignedCertificate certificate) {
    }

    /** Server CPU nanoseconds of {@code count} handshakes; resumed: one client context, so it resumes. */
    private static long run(SslContext server, SslProvider clientProvider, String protocol, boolean resumed, int count)
            throws SSLException {
        SslContext client = client(clientProvider, protocol);
        long serverCpu = 0;
        for (int i = 0; i < count; i++) {
            SslContext c = resumed ? client : client(clientProvider, protocol);
            SSLEngine clientEngine = c.newEngine(ByteBufAllocator.DEFAULT, "localhost", 8883);
            SSLEngine serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);
            try {
                serverCpu += handshake(clientEngine, serverEngine);
            } finally {
                ReferenceCountUtil.release(serverEngine);
                ReferenceCountUtil.release(clientEngine);
            }
        }
        return serverCpu;
    }

    private static SslContext client(SslProvider provider, String protocol) throws SSLException {
        return SslContextBuilder.forClient().sslProvider(provider).trustManager(InsecureTrustManagerFactory.INSTANCE)
                .protocols(protocol).build();
    }

    /** Runs one handshake to its end (and the server's first record, which carries TLS 1.3 tickets). */
    private static long handshake(SSLEngine client, SSLEngine server) throws SSLException {
        int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(4 * size);
        ByteBuffer toClient = ByteBuffer.allocate(4 * size);
        ByteBuffer app = ByteBuffer.allocate(4 * size);
        client.beginHandshake();
        long cpu = timed(() -> server.beginHandshake());
        for (int round = 0; round < 100 && (busy(client) || busy(server)); round++) {
            step(client, toClient, toServer, app);
            long start = CPU.getCurrentThreadCpuTime();
            step(server, toServer, toClient, app);
            cpu += CPU.getCurrentThreadCpuTime() - start;
        }
        long start = CPU.getCurrentThreadCpuTime();
        server.wrap(ByteBuffer.wrap(new byte[] {1}), toClient);
        cpu += CPU.getCurrentThreadCpuTime() - start;
        toClient.flip();
        client.unwrap(toClient, app);
        if (busy(client) || busy(server)) {
            throw new IllegalStateException("the handshake did not finish");
        }
        return cpu;
    }

    private static boolean busy(SSLEngine engine) {
        return engine.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING
                && engine.getHandshakeStatus() != HandshakeStatus.FINISHED;
    }

    private static void step(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        switch (engine.getHandshakeStatus()) {
            case NEED_WRAP -> engine.wrap(EMPTY, out);
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                in.flip();
                engine.unwrap(in, app);
                in.compact();
                app.clear();
            }
            case NEED_TASK -> {
                for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
                    task.run();
                }
            }
            case FINISHED, NOT_HANDSHAKING -> {
            }
        }
    }

    private interface SslStep {
        void run() throws SSLException;
    }

    private static long timed(SslStep step) throws SSLException {
        long start = CPU.getCurrentThreadCpuTime();
        step.run();
        return CPU.getCurrentThreadCpuTime() - start;
    }
}
