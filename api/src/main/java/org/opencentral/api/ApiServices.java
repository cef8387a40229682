package org.opencentral.api;

import java.time.Clock;
import java.util.Objects;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.twin.TwinService;

/** The platform services the REST API calls, built by the composition root. */
public record ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
        CloudToDeviceService messages, LastValueStore lastValues, ApiTokenService tokens, Clock clock) {
    public ApiServices {
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(twins, "twins");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(lastValues, "lastValues");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(clock, "clock");
    }
}
