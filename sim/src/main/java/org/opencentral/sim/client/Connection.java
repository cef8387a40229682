package org.opencentral.sim.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * One established device connection, whatever the protocol: what a scenario sends through. Writes do
 * not flush: call {@link #flush()} after a batch (the client flushes by itself after each read batch).
 * Call from the connection's {@link #eventLoop()}.
 */
public interface Connection {
    EventLoop eventLoop();

    boolean isActive();

    /** Whether a message may be sent now: the socket takes writes (and, for AMQP, the link has credit). */
    boolean isWritable();

    /**
     * Sends a message to {@code address} (an MQTT topic, or the AMQP link's target), not flushed. At
     * least once ({@link MqttQoS#AT_LEAST_ONCE}) the server's acknowledgement arrives as
     * {@link ConnectionHandler#onAcknowledged(int)} with {@code id} (1…65534); at most once it is
     * ignored. Takes ownership of {@code payload}.
     */
    void publish(String address, ByteBuf payload, MqttQoS qos, int id);

    void flush();

    /** Says goodbye as the protocol does (DISCONNECT, AMQP close) and closes the socket. */
    void close();

    /** Whether {@link #close()} was called: the close that follows is not an error. */
    boolean isClosing();
}
