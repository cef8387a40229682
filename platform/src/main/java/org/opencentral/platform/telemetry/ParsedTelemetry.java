package org.opencentral.platform.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;

/**
 * A device-to-cloud message as the telemetry views read it (see {@link TelemetryMessages}): its
 * top-level JSON members (none unless the body is a JSON object) and its timestamp. Instances are
 * shared by every consumer of the message ({@link TelemetryParses}): the member values are read,
 * never modified.
 */
public record ParsedTelemetry(TelemetryReceived message, Instant timestamp, List<Member> members) {
    /** One top-level member of the body. */
    public record Member(String name, JsonNode value) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public ParsedTelemetry {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(timestamp, "timestamp");
        members = List.copyOf(members);
    }

    /** Parses the body (once: callers that share messages go through {@link TelemetryParses}). */
    public static ParsedTelemetry of(TelemetryReceived message) {
        List<Member> members = new ArrayList<>();
        TelemetryMessages.jsonObject(message).ifPresent(object -> {
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                members.add(new Member(member.getKey(), member.getValue()));
            }
        });
        return new ParsedTelemetry(message, TelemetryMessages.timestampOf(message), members);
    }

    /** The message's component, {@code ""} for the default component. */
    public String component() {
        return TelemetryMessages.componentOf(message);
    }
}
