package org.opencentral.sim.scenario;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.opencentral.sim.iothub.Topics;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.mqtt.MqttConnection;

/** A device that answers every direct method at once with status 200 and a small JSON body. */
final class MethodResponder extends ScenarioSession<MqttConnection> {
    private static final byte[] ANSWER = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    final CompletableFuture<Void> subscribed = new CompletableFuture<>();

    MethodResponder(Metrics metrics) {
        super(metrics);
    }

    @Override
    public void onConnected(MqttConnection established) {
        super.onConnected(established);
        established.subscribe(List.of(Topics.METHODS_SUBSCRIPTION)).whenComplete((ok, error) -> {
            if (error == null) {
                subscribed.complete(null);
            } else {
                subscribed.completeExceptionally(error);
            }
        });
    }

    @Override
    public void onMessage(String topic, ByteBuf payload) {
        Topics.methodRequest(topic).ifPresentOrElse(
                request -> connection.publish(Topics.methodResponse(200, request.rid()), Unpooled.wrappedBuffer(ANSWER),
                        MqttQoS.AT_MOST_ONCE, 0),
                () -> metrics.error("unexpected_topic"));
    }
}
