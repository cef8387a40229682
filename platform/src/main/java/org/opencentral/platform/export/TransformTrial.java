package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.export.ExportSource;
import org.opencentral.platform.export.transform.ExportTransform;

/**
 * "Try it": runs a transform on a sample input without changing anything. The input is the given
 * message (used as it is when it already has IoT Central's {@code device} member, else turned into
 * the transform input with the facts of its device), or a sample of the source about a device of the
 * application (its last telemetry values or reported properties where it has some), or about a
 * synthetic device when the application has none.
 */
public final class TransformTrial {
    private static final DeviceId SYNTHETIC = DeviceId.of("sample-device");

    private final ExportMessages messages;
    private final Supplier<Optional<DeviceFacts>> sampleDevice;
    private final Function<DeviceId, DeviceFacts> devices;
    private final Function<DeviceId, ObjectNode> lastTelemetry;
    private final Clock clock;

    /** What a trial found: the transform's input and its outputs. */
    public record Outcome(ObjectNode input, List<ObjectNode> outputs) {
        public Outcome {
            Objects.requireNonNull(input, "input");
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * @param sampleDevice  the facts of a device of the application, if it has any
     * @param devices       the facts of a device by id
     * @param lastTelemetry a device's last telemetry values of its default component (empty if none)
     */
    public TransformTrial(ExportMessages messages, Supplier<Optional<DeviceFacts>> sampleDevice,
            Function<DeviceId, DeviceFacts> devices, Function<DeviceId, ObjectNode> lastTelemetry, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.sampleDevice = Objects.requireNonNull(sampleDevice, "sampleDevice");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.lastTelemetry = Objects.requireNonNull(lastTelemetry, "lastTelemetry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Compiles and runs {@code transform}; a transform that does not compile or fails on the input is a 400. */
    public Outcome run(ExportSource source, String transform, Optional<ObjectNode> message) {
        ExportTransform compiled = ExportTransform.compile(transform);
        ObjectNode input = message.map(this::input).orElseGet(() -> sample(source));
        return switch (compiled.apply(input)) {
            case ExportTransform.Result.Outputs outputs -> new Outcome(input, outputs.messages());
            case ExportTransform.Result.Failed failed -> throw new DomainException(
                    org.opencentral.core.ErrorCode.INVALID_TRANSFORM, failed.reason());
        };
    }

    private ObjectNode input(ObjectNode message) {
        if (message.has("device") || !message.path("deviceId").isTextual()) {
            return message;
        }
        return TransformInput.of(message, devices.apply(DeviceId.of(message.get("deviceId").asText())));
    }

    private ObjectNode sample(ExportSource source) {
        DeviceFacts facts = sampleDevice.get().orElseGet(TransformTrial::synthetic);
        DeviceId id = facts.device().orElseThrow().id();
        Instant now = clock.instant();
        PlatformEvent event = switch (source) {
            case TELEMETRY -> new PlatformEvent.TelemetryReceived(id, now, Optional.empty(), Map.of(), Map.of(),
                    telemetry(id).toString().getBytes(StandardCharsets.UTF_8));
            case PROPERTIES -> new PlatformEvent.ReportedPropertiesUpdated(id, now, reported(facts), 1);
            case DEVICE_LIFECYCLE -> new PlatformEvent.DeviceLifecycle(id, now, PlatformEvent.DeviceLifecycle.Change.CREATED);
            case DEVICE_CONNECTIVITY -> new PlatformEvent.DeviceConnected(id, now);
            case DEVICE_TEMPLATE_LIFECYCLE -> new PlatformEvent.TemplateLifecycle(
                    facts.templateId().orElse("dtmi:sample:Thermostat;1"), now,
                    PlatformEvent.TemplateLifecycle.Change.CREATED, Optional.empty());
            case AUDIT -> new PlatformEvent.AuditRecorded(now, 1, Json.parseObject(
                    "{\"actor\":{\"type\":\"user\",\"id\":\"admin\"},\"action\":\"update\","
                            + "\"target\":{\"type\":\"device\",\"id\":\"" + id.value() + "\"},"
                            + "\"before\":{\"enabled\":false},\"after\":{\"enabled\":true}}"));
        };
        ObjectNode message = messages.message(event, event instanceof PlatformEvent.DeviceEvent ? facts : DeviceFacts.NONE);
        message.putObject("enrichments");
        return TransformInput.of(message, facts);
    }

    private ObjectNode telemetry(DeviceId id) {
        ObjectNode last = lastTelemetry.apply(id);
        return last.isEmpty() ? Json.parseObject("{\"temperature\":21.5,\"humidity\":48}") : last;
    }

    private static ObjectNode reported(DeviceFacts facts) {
        ObjectNode reported = facts.properties().get().reported();
        reported.properties().removeIf(m -> m.getKey().startsWith("$"));
        return reported.isEmpty() ? Json.parseObject("{\"firmwareVersion\":\"1.0.0\"}") : reported;
    }

    private static DeviceFacts synthetic() {
        return new DeviceFacts(Optional.of(Device.builder(SYNTHETIC).displayName("Sample device")
                .template("dtmi:sample:Thermostat;1").simulated().etag("\"sample\"").createdAt(Instant.EPOCH).build()),
                Optional.of("Sample thermostat"));
    }
}
