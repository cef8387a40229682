package org.opencentral.transport.internal.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.opencentral.core.Json;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.topic.PropertyBagCodec;

/**
 * Twin GET and reported PATCH, answered on {@code $iothub/twin/res/{status}/?$rid=…}. They run in
 * order per device on a serial lane of virtual threads (TwinService blocks). Errors carry IoT Hub's
 * JSON body {@code {"errorCode":…,"message":…}}, which the Node SDK needs to see a failure.
 */
final class TwinRequests {
    private static final byte[] EMPTY = new byte[0];

    private final DeviceConnection connection;
    private final TwinService twins;
    private final Executor lane;
    private final MqttMetrics metrics;

    TwinRequests(DeviceConnection connection, TwinService twins, Executor lane, MqttMetrics metrics) {
        this.connection = connection;
        this.twins = twins;
        this.lane = lane;
        this.metrics = metrics;
    }

    void get(String rid) {
        metrics.received(MessageKind.TWIN_GET);
        lane.execute(() -> respond(rid, () -> new Response(200,
                Json.write(twins.get(connection.deviceId()).toWire()).getBytes(StandardCharsets.UTF_8), "")));
    }

    void patchReported(String rid, byte[] body) {
        metrics.received(MessageKind.TWIN_PATCH);
        lane.execute(() -> respond(rid, () -> {
            ObjectNode patch = Json.parseObject(new String(body, StandardCharsets.UTF_8));
            long version = twins.patchReported(connection.deviceId(), patch);
            return new Response(204, EMPTY, "&$version=" + version);
        }));
    }

    private void respond(String rid, Supplier<Response> work) {
        Response response;
        try {
            response = work.get();
        } catch (RuntimeException e) {
            response = error(e);
        }
        connection.publish("$iothub/twin/res/" + response.status() + "/?$rid=" + PropertyBagCodec.percentEncode(rid)
                + response.topicSuffix(), response.body(), MqttQoS.AT_MOST_ONCE, 0, MessageKind.TWIN_RESPONSE);
    }

    private Response error(RuntimeException e) {
        TwinFailure failure = TwinFailure.of(e, connection.deviceId(), metrics);
        return new Response(failure.status(), failure.body(), "");
    }

    private record Response(int status, byte[] body, String topicSuffix) {
    }
}
