package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Telemetry;
import org.opencentral.dtdl.value.SchemaValidator;
import org.opencentral.dtdl.value.ValueError;

/** How one telemetry value relates to a device's model. Pure. */
public sealed interface TelemetryCheck {
    /** The model describes the value and it fits (in normalized form). */
    record Modeled(JsonNode normalized) implements TelemetryCheck {
    }

    /** The model describes the value but it does not fit its schema. */
    record Invalid(JsonNode value, String reason) implements TelemetryCheck {
    }

    /** The model does not describe this telemetry (or the component). */
    record Unmodeled(JsonNode value) implements TelemetryCheck {
    }

    /** Checks {@code name} of {@code component} (empty: the default component) against the model. */
    static TelemetryCheck of(DeviceModel model, Optional<String> component, String name, JsonNode value) {
        Optional<Telemetry> telemetry = model.telemetry(component, name);
        if (telemetry.isEmpty()) {
            return new Unmodeled(value);
        }
        JsonNode normalized = ValueNormalizer.normalize(telemetry.get().schema(), value);
        List<ValueError> errors = SchemaValidator.validate(telemetry.get().schema(), normalized);
        if (errors.isEmpty()) {
            return new Modeled(normalized);
        }
        return new Invalid(value, errors.stream()
                .map(e -> (e.pointer().isEmpty() ? "/" : e.pointer()) + ": " + e.code() + ": " + e.message())
                .collect(Collectors.joining("; ")));
    }
}
