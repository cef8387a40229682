package org.opencentral.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.session.DeviceSession;

/**
 * A connected device, for API tests, that answers every direct method with status 200 and the JSON
 * {@code answer(methodName, requestJson)} gives ("null" for an empty request).
 */
final class AnsweringSession implements DeviceSession {
    private final DeviceId id;
    private final CommandService commands;
    private final BiFunction<String, String, String> answer;

    AnsweringSession(DeviceId id, CommandService commands, BiFunction<String, String, String> answer) {
        this.id = id;
        this.commands = commands;
        this.answer = answer;
    }

    @Override
    public DeviceId deviceId() {
        return id;
    }

    @Override
    public boolean isSubscribed(Subscription subscription) {
        return true;
    }

    @Override
    public void sendDesiredPatch(ObjectNode patch, long version) {
    }

    @Override
    public void sendMethodRequest(String methodName, String requestId, byte[] payload) {
        String request = payload.length == 0 ? "null" : new String(payload, StandardCharsets.UTF_8);
        commands.onResponse(id, requestId, 200, answer.apply(methodName, request).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendCloudToDevice(C2dMessage message) {
    }

    @Override
    public void close(String reason) {
    }
}
