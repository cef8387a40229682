package org.opencentral.server.runtime;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.opencentral.transport.WebTunnel;

/**
 * The web UI and REST API on the HTTPS port: the device listener's {@link WebTunnel} joined to the
 * HTTP server's in-memory connector ({@link org.opencentral.api.ApiServer#connectTunnelled()}).
 * Each tunnel writes a PROXY protocol v1 line naming the peer, then the peer's bytes in order (one
 * write at a time, as a Jetty end point takes them); answers are read as the peer accepts them.
 */
final class HttpsTunnel implements WebTunnel {
    private static final int READ_BUFFER = 16 * 1024;
    /** The tunnel of a connection that arrived while the HTTP server was stopping: takes nothing. */
    private static final Stream CLOSED = new Stream() {
        @Override
        public void write(ByteBuffer bytes, Runnable written) {
            written.run();
        }

        @Override
        public void close() {
        }
    };

    private final Supplier<EndPoint> connect;

    HttpsTunnel(Supplier<EndPoint> connect) {
        this.connect = connect;
    }

    @Override
    public Stream open(InetSocketAddress client, InetSocketAddress local, Stream toClient) {
        ToWeb toWeb;
        try {
            toWeb = new ToWeb(connect.get(), toClient);
        } catch (IllegalStateException stopping) {
            toClient.close();
            return CLOSED;
        }
        toWeb.write(ByteBuffer.wrap(proxyLine(client, local).getBytes(StandardCharsets.US_ASCII)), () -> { });
        toWeb.readAnswers();
        return toWeb;
    }

    /**
     * {@code PROXY TCP4|TCP6 <source> <destination> <source port> <destination port>\r\n}; both
     * addresses must be of one family, else {@code PROXY UNKNOWN} (the connection is then served
     * without the peer's address).
     */
    static String proxyLine(InetSocketAddress client, InetSocketAddress local) {
        boolean v6 = client.getAddress() instanceof Inet6Address;
        if (v6 != local.getAddress() instanceof Inet6Address) {
            return "PROXY UNKNOWN\r\n";
        }
        return "PROXY " + (v6 ? "TCP6" : "TCP4") + " " + client.getAddress().getHostAddress() + " "
                + local.getAddress().getHostAddress() + " " + client.getPort() + " " + local.getPort() + "\r\n";
    }

    /** The peer's bytes into the end point (queued while a write is in flight), the answers back. */
    private static final class ToWeb implements Stream {
        private final EndPoint endPoint;
        private final Stream toClient;
        private final Queue<Pending> queue = new ArrayDeque<>();
        private boolean writing;

        ToWeb(EndPoint endPoint, Stream toClient) {
            this.endPoint = endPoint;
            this.toClient = toClient;
        }

        private record Pending(ByteBuffer bytes, Runnable written) {
        }

        @Override
        public void write(ByteBuffer bytes, Runnable written) {
            synchronized (queue) {
                queue.add(new Pending(bytes, written));
                if (writing) {
                    return;
                }
                writing = true;
            }
            writeNext();
        }

        private void writeNext() {
            Pending next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
            }
            endPoint.write(Callback.from(() -> {
                next.written().run();
                writeNext();
            }, failure -> {
                next.written().run();
                close();
            }), next.bytes());
        }

        /** Reads what the web server has and hands it to the peer; asks for more once the peer took it. */
        void readAnswers() {
            try {
                ByteBuffer buffer = BufferUtil.allocate(READ_BUFFER);
                int read = endPoint.fill(buffer);
                if (read > 0) {
                    toClient.write(buffer, this::readAnswers);
                } else if (read == 0) {
                    endPoint.fillInterested(Callback.from(this::readAnswers, failure -> close()));
                } else {
                    close();
                }
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        @Override
        public void close() {
            endPoint.close();
            toClient.close();
        }
    }
}
