package org.opencentral.api.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.device.DeviceRegistry;

/** Cloud-to-device messages: 202 {@code {"messageId","expiresAt"}}; 404 unknown device; 413/429 from the queue. */
public final class MessageHandlers {
    private final DeviceRegistry devices;
    private final CloudToDeviceService messages;

    public MessageHandlers(DeviceRegistry devices, CloudToDeviceService messages) {
        this.devices = devices;
        this.messages = messages;
    }

    public void send(ApiCall call) throws Exception {
        DeviceId id = call.deviceId();
        MessageRequest request = MessageRequest.of(call.bodyObject());
        devices.get(id);
        C2dMessage sent = messages.send(id, request.body(), request.properties(), request.ttl());
        ObjectNode body = Json.object();
        body.put("messageId", sent.messageId());
        body.put("expiresAt", sent.expiresAt().toString());
        call.json(202, body);
    }
}
