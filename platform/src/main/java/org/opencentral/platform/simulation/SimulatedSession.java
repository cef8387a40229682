package org.opencentral.platform.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.platform.session.DeviceSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process "connection" of a simulated device, registered in {@code DeviceSessions} like an
 * MQTT session: desired patches are acknowledged, direct methods answered and C2D messages
 * completed, each on the reply executor (never on the caller's thread).
 */
final class SimulatedSession implements DeviceSession {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSession.class);

    private final SimulatedDevice device;
    private final SimulationPorts ports;
    private final Executor replies;
    private final Clock clock;
    private final Runnable onClose;

    SimulatedSession(SimulatedDevice device, SimulationPorts ports, Executor replies, Clock clock, Runnable onClose) {
        this.device = device;
        this.ports = ports;
        this.replies = replies;
        this.clock = clock;
        this.onClose = onClose;
    }

    @Override
    public DeviceId deviceId() {
        return device.id();
    }

    @Override
    public boolean isSubscribed(Subscription subscription) {
        return true;
    }

    @Override
    public void sendDesiredPatch(ObjectNode patch, long version) {
        ObjectNode desired = patch.deepCopy();
        reply("desired-ack", () -> DeviceTwinReplies.acknowledge(device, desired, version)
                .ifPresent(ack -> ports.twins().patchReported(device.id(), ack)));
    }

    @Override
    public void sendMethodRequest(String methodName, String requestId, byte[] payload) {
        reply("method", () -> {
            CommandReplies.Reply answer = CommandReplies.answer(device, methodName, clock.instant());
            ports.commands().onResponse(device.id(), requestId, answer.status(),
                    Json.write(answer.payload()).getBytes(StandardCharsets.UTF_8));
        });
    }

    @Override
    public void sendCloudToDevice(C2dMessage message) {
        reply("c2d", () -> ports.cloudToDevice().acknowledged(device.id(), message.messageId()));
    }

    @Override
    public void close(String reason) {
        onClose.run();
    }

    private void reply(String what, Runnable work) {
        replies.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("simulated device {} could not answer a {}: {}", device.id(), what, e.toString());
            }
        });
    }
}
