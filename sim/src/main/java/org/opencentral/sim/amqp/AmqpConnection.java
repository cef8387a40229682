package org.opencentral.sim.amqp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.message.Message;
import org.opencentral.sim.client.Connection;

/**
 * One established AMQP device connection with its telemetry sender link: every message is an
 * unsettled transfer whose delivery tag is its id (four bytes, big-endian); the server's settlement
 * acknowledges it. Writable while the socket takes writes and the link has credit. Call from the
 * connection's {@link #eventLoop()}.
 */
public final class AmqpConnection implements Connection {
    private final Channel channel;
    private final AmqpClientEngine engine;
    private final Sender telemetry;
    private final String address;
    private byte[] buffer = new byte[1024];
    private volatile boolean closing;

    AmqpConnection(Channel channel, AmqpClientEngine engine, Sender telemetry, String address) {
        this.channel = channel;
        this.engine = engine;
        this.telemetry = telemetry;
        this.address = address;
    }

    @Override
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public boolean isActive() {
        return channel.isActive();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable() && telemetry.getCredit() > 0;
    }

    /** Sends {@code payload} as the body (a data section) of an unsettled transfer on the telemetry link. */
    @Override
    public void publish(String target, ByteBuf payload, MqttQoS qos, int id) {
        if (!address.equals(target) || qos != MqttQoS.AT_LEAST_ONCE) {
            payload.release();
            throw new IllegalArgumentException("this connection sends unsettled transfers to " + address + " only");
        }
        Message message = Message.Factory.create();
        byte[] body = ByteBufUtil.getBytes(payload, payload.readerIndex(), payload.readableBytes(), false);
        message.setBody(new Data(new Binary(body)));
        payload.release();
        int length;
        while ((length = AmqpMessages.encode(message, buffer)) < 0) {
            buffer = new byte[buffer.length * 2];
        }
        telemetry.delivery(tag(id));
        telemetry.send(buffer, 0, length);
        telemetry.advance();
    }

    @Override
    public void flush() {
        engine.flush();
    }

    /** Closes the AMQP connection and the socket. */
    @Override
    public void close() {
        closing = true;
        if (channel.isActive()) {
            engine.close();
        }
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    static byte[] tag(int id) {
        return new byte[] {(byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
    }

    /** The id of a delivery tag made by {@link #tag}, or -1 for another tag. */
    static int id(byte[] tag) {
        if (tag.length != 4) {
            return -1;
        }
        return (tag[0] & 0xff) << 24 | (tag[1] & 0xff) << 16 | (tag[2] & 0xff) << 8 | tag[3] & 0xff;
    }
}
