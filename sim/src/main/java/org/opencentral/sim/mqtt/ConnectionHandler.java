package org.opencentral.sim.mqtt;

import io.netty.buffer.ByteBuf;

/**
 * What a scenario does with one connection. Every callback runs on the connection's event loop and
 * must not block. Writes made during {@code onPubAck}/{@code onMessage} are flushed after the read
 * batch ({@link #onReadComplete}) by the client, so they coalesce into few TLS records.
 */
public interface ConnectionHandler {
    /** The server accepted the connection (CONNACK 0). */
    default void onConnected(MqttConnection connection) {
    }

    /** A PUBACK for a QoS 1 publish of this connection. */
    default void onPubAck(int packetId) {
    }

    /** A PUBLISH from the server (already acknowledged when QoS 1); {@code payload} is released afterwards. */
    default void onMessage(String topic, ByteBuf payload) {
    }

    /** The channel became writable again after its outbound buffer had filled. */
    default void onWritable() {
    }

    /** The connection closed, by either side, after it had been established. */
    default void onClosed(Throwable cause) {
    }
}
