package org.opencentral.sim.client;

import io.netty.buffer.ByteBuf;

/**
 * What a scenario does with one connection. Every callback runs on the connection's event loop and
 * must not block. Writes made in a callback are flushed by the client after the read batch, so they
 * coalesce into few TLS records.
 *
 * @param <C> the connections this handler works with ({@link Connection} for any protocol)
 */
public interface ConnectionHandler<C extends Connection> {
    /** The server accepted the connection (MQTT CONNACK 0; AMQP: the token accepted, the link attached). */
    default void onConnected(C connection) {
    }

    /** The server took an at-least-once message of this connection (MQTT PUBACK, AMQP accepted and settled). */
    default void onAcknowledged(int id) {
    }

    /** The server settled an at-least-once message without taking it (AMQP rejected or released), with why. */
    default void onRefused(int id, String reason) {
    }

    /** A PUBLISH from the server (already acknowledged when QoS 1); {@code payload} is released afterwards. */
    default void onMessage(String topic, ByteBuf payload) {
    }

    /** Messages may be sent again: the socket's outbound buffer drained, or the AMQP link got credit. */
    default void onWritable() {
    }

    /** The connection closed, by either side, after it had been established. */
    default void onClosed(Throwable cause) {
    }
}
