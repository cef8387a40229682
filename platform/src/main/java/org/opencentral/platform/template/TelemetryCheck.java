package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
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
        if (telemetry.get().schema() instanceof Primitive primitive && fitsAsIs(primitive.kind(), value)) {
            return new Modeled(value);
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

    /**
     * Whether {@code value} is already its own normalized form and valid: a finite double within a
     * double's or a float's range, a JSON boolean or a JSON string for those schemas. Most telemetry
     * is one of these; the general path (a BigDecimal per number, then the validator) gives the same
     * answer for them at several times the cost per value.
     */
    private static boolean fitsAsIs(PrimitiveKind kind, JsonNode value) {
        return switch (kind) {
            case DOUBLE -> value.isDouble() && Double.isFinite(value.doubleValue());
            case FLOAT -> value.isDouble() && Math.abs(value.doubleValue()) <= Float.MAX_VALUE;
            case BOOLEAN -> value.isBoolean();
            case STRING -> value.isTextual();
            case INTEGER, LONG, DATE, DATE_TIME, TIME, DURATION -> false;
        };
    }
}
