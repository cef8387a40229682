package org.opencentral.transport.internal.connect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/** An IoT Hub CONNECT username: {@code {host}/{deviceId}/?api-version=…[&model-id=…]}. */
public record ConnectUsername(String host, String deviceId, Optional<String> apiVersion, Optional<String> modelId) {
    public ConnectUsername {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(modelId, "modelId");
    }

    /** Whether the username's device segment, raw or URL-decoded, is {@code id}. */
    public boolean names(DeviceId id) {
        if (deviceId.equals(id.value())) {
            return true;
        }
        try {
            return URLDecoder.decode(deviceId, StandardCharsets.UTF_8).equals(id.value());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
