package org.opencentral.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.opencentral.core.device.Device;

/**
 * What the server's event loops spend per QoS 1 PUBLISH → PUBACK: the CPU time and the bytes allocated
 * by the {@code multiThreadIoEventLoopGroup-*} threads, and how much of the CPU time is user time (read per thread through
 * {@link com.sun.management.ThreadMXBean}, so the clients, the consumers and whatever else runs on the
 * machine do not count), divided by the messages acknowledged. The server is {@link TestPlatform}'s
 * (the real platform, event log and MQTT server in a temporary directory); the devices are blocking
 * sockets on virtual threads (no Netty threads of their own), each with one message in flight, as
 * {@code bench/sim ingest --window 1} does. Rounds after a warm-up; each prints µs and bytes per
 * message. Not a test: run it by hand (BENCHMARKS.md, "Event-loop CPU per PUBLISH → PUBACK").
 *
 * <pre>java -cp … org.opencentral.transport.EventLoopCpuBenchmark [devices 500] [messages per round 200000] [rounds 5] [tls|plain] [body bytes 256]</pre>
 */
public final class EventLoopCpuBenchmark {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private EventLoopCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean tls = args.length <= 3 || args[3].equals("tls");
        int bodyBytes = args.length > 4 ? Integer.parseInt(args[4]) : 256;
        Path dir = Files.createTempDirectory("event-loop-cpu");
        try (TestPlatform platform = TestPlatform.start(dir, MqttLimits.DEFAULTS.withRate(1_000_000, 1_000_000))) {
            int port = tls ? platform.ports.mqtts().orElseThrow() : platform.mqttPort();
            SSLContext ssl = tls ? clientTls(platform) : null;
            List<Device> created = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                created.add(platform.createDevice("cpu-" + d));
            }
            System.out.printf("%d %s devices, one message in flight each, %d-byte bodies%n", devices,
                    tls ? "TLS" : "plain", bodyBytes);
            System.out.println("| round | messages | event-loop CPU µs / message | of which user (not kernel) | CPU-s / 100k | bytes allocated / message |");
            System.out.println("|---|---|---|---|---|---|");
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                Round round = new Round(devices);
                List<Future<?>> running = new ArrayList<>();
                for (Device device : created) {
                    running.add(clients.submit(() -> device(device, port, ssl, bodyBytes, round)));
                }
                while (!round.connected.await(1, TimeUnit.SECONDS)) {
                    failed(running);
                    System.err.printf("%,d of %,d devices connected%n", devices - round.connected.getCount(), devices);
                }
                for (int r = 0; r <= rounds; r++) {
                    long[] ids = eventLoops();
                    long cpu = sum(THREADS.getThreadCpuTime(ids));
                    long user = sum(THREADS.getThreadUserTime(ids));
                    long bytes = sum(THREADS.getThreadAllocatedBytes(ids));
                    long acked = round.acked.get();
                    while (round.acked.get() - acked < perRound) {
                        Thread.sleep(10);
                        failed(running);
                    }
                    long messages = round.acked.get() - acked;
                    long cpuUsed = sum(THREADS.getThreadCpuTime(ids)) - cpu;
                    long userUsed = sum(THREADS.getThreadUserTime(ids)) - user;
                    long allocated = sum(THREADS.getThreadAllocatedBytes(ids)) - bytes;
                    System.out.printf("| %s | %,d | %.2f | %.2f | %.2f | %,d |%n", r == 0 ? "warm-up" : String.valueOf(r),
                            messages, cpuUsed / 1e3 / messages, userUsed / 1e3 / messages, cpuUsed / 1e9 / messages * 100_000,
                            allocated / messages);
                }
                round.stop = true;
                for (Future<?> device : running) {
                    device.get();
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What the devices share: how many are connected, how many messages were acknowledged. */
    private static final class Round {
        final CountDownLatch connected;
        final AtomicLong acked = new AtomicLong();
        volatile boolean stop;

        Round(int devices) {
            connected = new CountDownLatch(devices);
        }
    }

    /** One device: CONNECT, then PUBLISH (QoS 1) and wait for its PUBACK, until told to stop. */
    private static Void device(Device device, int port, SSLContext ssl, int bodyBytes, Round round) throws IOException {
        try (Socket socket = ssl == null ? new Socket("127.0.0.1", port) : tlsSocket(ssl, port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(connect(device.id().value(), TestPlatform.username(device), TestPlatform.validToken(device)));
            out.flush();
            byte[] connack = new byte[4];
            in.readFully(connack);
            if (connack[0] != 0x20 || connack[3] != 0) {
                throw new IOException("refused: " + Arrays.toString(connack));
            }
            round.connected.countDown();
            byte[] body = new byte[bodyBytes];
            Arrays.fill(body, (byte) 'x');
            byte[] publish = publish("devices/" + device.id().value() + "/messages/events/", body);
            byte[] puback = new byte[4];
            for (int packetId = 1; !round.stop; packetId = packetId % 65_535 + 1) {
                publish[publish.length - body.length - 2] = (byte) (packetId >> 8);
                publish[publish.length - body.length - 1] = (byte) packetId;
                out.write(publish);
                out.flush();
                in.readFully(puback);
                if (puback[0] != 0x40 || ((puback[2] & 0xff) << 8 | puback[3] & 0xff) != packetId) {
                    throw new IOException("not the PUBACK of " + packetId + ": " + Arrays.toString(puback));
                }
                round.acked.incrementAndGet();
            }
        }
        return null;
    }

    private static void failed(List<Future<?>> devices) {
        for (Future<?> device : devices) {
            if (device.state() == Future.State.FAILED) {
                throw new IllegalStateException("a device failed", device.exceptionNow());
            }
        }
    }

    private static SSLSocket tlsSocket(SSLContext ssl, int port) throws IOException {
        SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", port);
        socket.startHandshake();
        return socket;
    }

    private static SSLContext clientTls(TestPlatform platform) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("server", platform.certificate.cert());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The server's event-loop threads (the clients run on virtual threads, the acceptor is named alike but idle). */
    private static long[] eventLoops() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("multiThreadIoEventLoopGroup-")).mapToLong(Thread::threadId).toArray();
    }

    private static long sum(long[] values) {
        return Arrays.stream(values).filter(v -> v > 0).sum();
    }

    /** MQTT 3.1.1 CONNECT, clean session 0, keep-alive 60 s. */
    private static byte[] connect(String clientId, String username, String password) {
        byte[] variable = {0, 4, 'M', 'Q', 'T', 'T', 4, (byte) 0xC0, 0, 60};
        return packet(0x10, variable, string(clientId), string(username), string(password));
    }

    /** MQTT PUBLISH, QoS 1, packet id 0 (set per message: the two bytes before the body). */
    private static byte[] publish(String topic, byte[] body) {
        return packet(0x32, string(topic), new byte[2], body);
    }

    private static byte[] string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] field = new byte[utf8.length + 2];
        field[0] = (byte) (utf8.length >> 8);
        field[1] = (byte) utf8.length;
        System.arraycopy(utf8, 0, field, 2, utf8.length);
        return field;
    }

    private static byte[] packet(int header, byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        var packet = new java.io.ByteArrayOutputStream();
        packet.write(header);
        int remaining = length;
        do {
            int digit = remaining % 128;
            remaining /= 128;
            packet.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        for (byte[] part : parts) {
            packet.writeBytes(part);
        }
        return packet.toByteArray();
    }
}
