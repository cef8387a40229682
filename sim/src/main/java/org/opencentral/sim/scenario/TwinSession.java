package org.opencentral.sim.scenario;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.opencentral.sim.iothub.Topics;
import org.opencentral.sim.metrics.Metrics;
import org.opencentral.sim.mqtt.MqttConnection;

/**
 * A device sending reported-property patches, {@code window} of them waiting for their
 * {@code $iothub/twin/res/204/?$rid=…} at once; latency is PATCH→204.
 */
final class TwinSession extends ScenarioSession<MqttConnection> {
    final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final int window;
    private final InFlight inFlight;
    private volatile boolean running;
    private long counter;

    TwinSession(Metrics metrics, int window) {
        super(metrics);
        this.window = window;
        this.inFlight = new InFlight(window);
    }

    @Override
    public void onConnected(MqttConnection established) {
        super.onConnected(established);
        established.subscribe(List.of(Topics.TWIN_RESPONSES_SUBSCRIPTION)).whenComplete((ok, error) -> {
            if (error == null) {
                subscribed.complete(null);
            } else {
                subscribed.completeExceptionally(error);
            }
        });
    }

    void start() {
        execute(() -> {
            running = true;
            send();
            connection.flush();
        });
    }

    void stop() {
        running = false;
    }

    @Override
    public void onMessage(String topic, ByteBuf payload) {
        Topics.twinResponse(topic).ifPresentOrElse(response -> {
            long latency = inFlight.remove((int) response.rid(), System.nanoTime());
            if (latency < 0) {
                metrics.error("unexpected_rid");
            } else if (response.status() / 100 == 2) {
                metrics.acked(latency);
            } else {
                metrics.error("twin_" + response.status());
            }
            if (running) {
                send();
            }
        }, () -> metrics.error("unexpected_topic"));
    }

    private void send() {
        while (running && inFlight.count() < window && connection.isWritable()) {
            int rid = inFlight.add(System.nanoTime());
            if (rid < 0) {
                return;
            }
            counter++;
            byte[] patch = String.format(Locale.ROOT, "{\"temperature\":%.2f,\"counter\":%d}", 20 + counter % 100 / 10.0,
                    counter).getBytes(StandardCharsets.UTF_8);
            connection.publish(Topics.reportedPatch(rid), Unpooled.wrappedBuffer(patch), MqttQoS.AT_MOST_ONCE, 0);
            metrics.sent(1);
        }
    }
}
