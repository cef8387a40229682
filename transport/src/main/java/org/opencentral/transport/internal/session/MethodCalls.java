package org.opencentral.transport.internal.session;

import io.netty.handler.codec.mqtt.MqttQoS;
import org.opencentral.platform.command.CommandService;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.topic.PropertyBagCodec;

/** Direct methods: requests out on {@code $iothub/methods/POST/{name}/?$rid=}, responses back to CommandService. */
final class MethodCalls {
    private final DeviceConnection connection;
    private final CommandService commands;
    private final MqttMetrics metrics;

    MethodCalls(DeviceConnection connection, CommandService commands, MqttMetrics metrics) {
        this.connection = connection;
        this.commands = commands;
        this.metrics = metrics;
    }

    void request(String methodName, String rid, byte[] payload) {
        connection.publish("$iothub/methods/POST/" + methodName + "/?$rid=" + PropertyBagCodec.percentEncode(rid),
                payload, MqttQoS.AT_MOST_ONCE, 0, MessageKind.METHOD_REQUEST);
    }

    /**
     * The device answered: handed to the waiting caller right here on the event loop
     * ({@link CommandService#onResponse} never blocks), without a hop through another thread.
     */
    void response(String rid, int status, byte[] payload) {
        metrics.received(MessageKind.METHOD_RESPONSE);
        if (!commands.onResponse(connection.deviceId(), rid, status, payload)) {
            metrics.error("method_response_unmatched");
        }
    }
}
