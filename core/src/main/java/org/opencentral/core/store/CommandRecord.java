package org.opencentral.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/**
 * One command invocation on a device, as its history keeps it: the request id the caller was given,
 * the method name ({@code command} or {@code component*command}), who called it, when it was
 * requested and when it completed, the timeouts in seconds, the request payload (absent when the
 * call had none) and how it ended. {@code sequence} orders a device's history; 0 until stored.
 */
public record CommandRecord(long sequence, String id, DeviceId device, String command, String actor,
        Instant requested, Instant completed, int connectionTimeout, int responseTimeout,
        Optional<JsonNode> request, CommandOutcome outcome) {
    public CommandRecord {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        requireText(id, "id");
        Objects.requireNonNull(device, "device");
        requireText(command, "command");
        requireText(actor, "actor");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(completed, "completed");
        if (completed.isBefore(requested)) {
            throw new IllegalArgumentException("completed before requested");
        }
        if (connectionTimeout < 0 || responseTimeout < 0) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
        request = Objects.requireNonNull(request, "request").map(JsonNode::deepCopy);
        Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public Optional<JsonNode> request() {
        return request.map(JsonNode::deepCopy);
    }

    /** This record with the sequence the store gave it. */
    public CommandRecord withSequence(long value) {
        return new CommandRecord(value, id, device, command, actor, requested, completed, connectionTimeout,
                responseTimeout, request, outcome);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
