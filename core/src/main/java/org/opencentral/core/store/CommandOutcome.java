package org.opencentral.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** How a command invocation ended: the device answered, was not connected in time, or did not answer in time. */
public sealed interface CommandOutcome {
    /** The device answered with {@code status} and {@code payload} (JSON null when it sent nothing). */
    record Answered(int status, JsonNode payload) implements CommandOutcome {
        public Answered {
            Objects.requireNonNull(payload, "payload");
            payload = payload.deepCopy();
        }

        @Override
        public JsonNode payload() {
            return payload.deepCopy();
        }
    }

    /** The device was not connected (and subscribed to methods) within the connection timeout. */
    record NotConnected() implements CommandOutcome {
    }

    /** The request reached the device, which did not answer within the response timeout. */
    record TimedOut() implements CommandOutcome {
    }
}
