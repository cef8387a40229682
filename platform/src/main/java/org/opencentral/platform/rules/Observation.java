package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What one event of the log tells the rules about a device, at the event's time. */
sealed interface Observation {
    Instant time();

    /** A telemetry message's top-level members, in a component ({@code ""}: the root). */
    record Telemetry(Instant time, String component, Map<String, JsonNode> members) implements Observation {
        public Telemetry {
            members = Map.copyOf(members);
        }
    }

    /** A reported-properties patch (component properties nested under the component's name). */
    record Reported(Instant time, ObjectNode patch) implements Observation {
    }

    /** Cloud property values written (null: removed). */
    record Cloud(Instant time, Optional<String> component, ObjectNode patch) implements Observation {
    }

    /** The device connected or disconnected. */
    record Connection(Instant time, boolean connected) implements Observation {
    }
}
