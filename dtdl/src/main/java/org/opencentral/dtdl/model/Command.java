package org.opencentral.dtdl.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An operation invoked on a device. {@code durable} is IoT Central's "queue if offline" flag
 * (delivered as a cloud-to-device message).
 */
public record Command(
        String name,
        ElementInfo info,
        Optional<CommandPayload> request,
        Optional<CommandPayload> response,
        Optional<CommandType> commandType,
        boolean durable)
        implements Content {

    public Command {
        Names.require(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(commandType, "commandType");
    }
}
