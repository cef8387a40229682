package org.opencentral.platform.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.dtdl.model.Command;

/**
 * A simulated device's answer to a direct method ({@code name} or {@code component*name}): status
 * 200 with a value generated from the command's response schema (JSON null without one), or 404
 * for a command the template does not have.
 */
final class CommandReplies {
    private CommandReplies() {
    }

    record Reply(int status, JsonNode payload) {
    }

    static Reply answer(SimulatedDevice device, String methodName, Instant now) {
        int star = methodName.indexOf('*');
        Optional<String> component = star < 0 ? Optional.empty() : Optional.of(methodName.substring(0, star));
        String name = methodName.substring(star + 1);
        Optional<Command> command = device.model().command(component, name);
        if (command.isEmpty()) {
            return new Reply(404, Json.object().put("error", "unknown command '" + methodName + "'"));
        }
        JsonNode payload = command.get().response()
                .map(r -> device.value(r.schema(), r.quantity(), now))
                .orElse(NullNode.instance);
        return new Reply(200, payload);
    }
}
