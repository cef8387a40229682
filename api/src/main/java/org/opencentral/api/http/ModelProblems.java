package org.opencentral.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.Json;
import org.opencentral.platform.template.ModelInvalidException;

/**
 * The {@code error.details} of a model or value error: one entry per problem with its stable
 * {@code code}, the JSON {@code pointer} into the request body (a UI shows the message at that
 * place), the {@code message} and, for problems in a referenced model, its {@code document}.
 */
final class ModelProblems {
    private ModelProblems() {
    }

    static ArrayNode toJson(ModelInvalidException invalid) {
        ArrayNode details = Json.MAPPER.createArrayNode();
        for (ModelInvalidException.Problem problem : invalid.problems()) {
            ObjectNode entry = details.addObject();
            entry.put("code", problem.code());
            entry.put("pointer", problem.pointer());
            entry.put("message", problem.message());
            if (!problem.document().isEmpty()) {
                entry.put("document", problem.document());
            }
        }
        return details;
    }
}
