package org.opencentral.platform.export.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.transform.ExportTransform;
import org.opencentral.platform.export.transform.ExportTransform.Result;
import org.opencentral.platform.export.TransformInput;

/**
 * The transform step of a pipe, the same for every destination type: without a transform a message
 * goes out as it is; with one, the transform runs on the message's transform input and its outputs
 * go out instead. A transform stored before it had to compile fails every message with its
 * compile error.
 */
sealed interface TransformStep {
    Result apply(ObjectNode message, DeviceFacts facts);

    static TransformStep of(Optional<String> transform) {
        if (transform.isEmpty()) {
            return new None();
        }
        try {
            return new Jq(ExportTransform.compile(transform.get()));
        } catch (DomainException invalid) {
            return new Invalid(invalid.getMessage());
        }
    }

    record None() implements TransformStep {
        @Override
        public Result apply(ObjectNode message, DeviceFacts facts) {
            return new Result.Outputs(List.of(message));
        }
    }

    record Jq(ExportTransform transform) implements TransformStep {
        @Override
        public Result apply(ObjectNode message, DeviceFacts facts) {
            return transform.apply(TransformInput.of(message, facts));
        }
    }

    record Invalid(String reason) implements TransformStep {
        @Override
        public Result apply(ObjectNode message, DeviceFacts facts) {
            return new Result.Failed(reason);
        }
    }
}
