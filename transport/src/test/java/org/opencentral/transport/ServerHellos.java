package org.opencentral.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * What a server answers a TLS 1.3 ClientHello with, read from the bytes of its first flight: the
 * key exchange group of the ServerHello's {@code key_share} extension. In memory, no sockets.
 */
final class ServerHellos {
    private static final int HANDSHAKE_RECORD = 22;
    private static final int SERVER_HELLO = 2;
    private static final int KEY_SHARE = 0x0033;

    private ServerHellos() {
    }

    /** The IANA id of the group the server picked for a ClientHello of {@code client}. */
    static int keyShareGroup(SslContext client, SslContext server) throws SSLException {
        SSLEngine clientEngine = client.newEngine(ByteBufAllocator.DEFAULT, "localhost", 8883);
        SSLEngine serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);
        try {
            ByteBuffer hello = ByteBuffer.allocate(64 * 1024);
            ByteBuffer flight = ByteBuffer.allocate(64 * 1024);
            ByteBuffer ignored = ByteBuffer.allocate(64 * 1024);
            clientEngine.beginHandshake();
            clientEngine.wrap(ByteBuffer.allocate(0), hello);
            hello.flip();
            serverEngine.beginHandshake();
            serverEngine.unwrap(hello, ignored);
            serverEngine.wrap(ByteBuffer.allocate(0), flight);
            flight.flip();
            return keyShareGroup(flight);
        } finally {
            ReferenceCountUtil.release(clientEngine);
            ReferenceCountUtil.release(serverEngine);
        }
    }

    /** The group of the key_share extension of the ServerHello at the start of {@code flight}. */
    static int keyShareGroup(ByteBuffer flight) {
        if (flight.get() != HANDSHAKE_RECORD) {
            throw new IllegalStateException("the server's first record is not a handshake record");
        }
        flight.position(flight.position() + 4);           // version, length
        if (flight.get() != SERVER_HELLO) {
            throw new IllegalStateException("the server's first message is not a ServerHello");
        }
        flight.position(flight.position() + 3 + 2 + 32);  // length, legacy version, random
        int sessionId = Byte.toUnsignedInt(flight.get());
        flight.position(flight.position() + sessionId + 2 + 1);  // session id, cipher suite, compression
        int extensions = Short.toUnsignedInt(flight.getShort());
        int end = flight.position() + extensions;
        while (flight.position() < end) {
            int type = Short.toUnsignedInt(flight.getShort());
            int length = Short.toUnsignedInt(flight.getShort());
            if (type == KEY_SHARE) {
                return Short.toUnsignedInt(flight.getShort());
            }
            flight.position(flight.position() + length);
        }
        throw new IllegalStateException("the ServerHello has no key_share extension (not TLS 1.3?)");
    }
}
