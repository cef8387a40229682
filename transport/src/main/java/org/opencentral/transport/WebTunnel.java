package org.opencentral.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Where the HTTPS listener sends the connections that are for the web server rather than for
 * devices: a connection whose first request is neither MQTT over WebSockets
 * ({@value MqttServer#WEBSOCKET_PATH}) nor a DPS HTTPS request is decrypted by the listener and its
 * bytes are carried, both ways, through one tunnel (the web UI and REST API on the HTTPS port).
 */
public interface WebTunnel {
    /**
     * Opens a tunnel for one decrypted connection.
     *
     * @param client   the peer's address (for the web server's per-client decisions and logs)
     * @param local    the listener's address the peer connected to
     * @param toClient where the web server's bytes for the peer go
     * @return where the peer's bytes for the web server go
     */
    Stream open(InetSocketAddress client, InetSocketAddress local, Stream toClient);

    /** One direction of a tunnelled connection. Writes are delivered in order. */
    interface Stream {
        /** Hands over {@code bytes} (not touched by the caller afterwards); {@code written} runs once they are sent or the stream failed. */
        void write(ByteBuffer bytes, Runnable written);

        /** Ends this direction and, with it, the connection. */
        void close();
    }
}
