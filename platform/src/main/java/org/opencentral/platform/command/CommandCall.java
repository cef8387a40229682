package org.opencentral.platform.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/**
 * One command to run: the device, the direct method ({@code command} or {@code component*command}),
 * the request payload ({@link com.fasterxml.jackson.databind.node.MissingNode} when there is none),
 * the timeouts in whole seconds and who asked for it ({@code user:…}, {@code apiToken:…}).
 */
public record CommandCall(DeviceId device, String method, JsonNode request, int connectionTimeout,
        int responseTimeout, String actor) {
    public CommandCall {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(request, "request");
        if (connectionTimeout < 0 || responseTimeout < 1) {
            throw new IllegalArgumentException("connectionTimeout must be >= 0 s and responseTimeout >= 1 s");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor must not be blank");
        }
        request = request.deepCopy();
    }

    @Override
    public JsonNode request() {
        return request.deepCopy();
    }

    Duration connection() {
        return Duration.ofSeconds(connectionTimeout);
    }

    Duration response() {
        return Duration.ofSeconds(responseTimeout);
    }
}
