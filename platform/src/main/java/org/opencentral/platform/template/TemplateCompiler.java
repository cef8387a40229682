package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.dtdl.DtdlError;
import org.opencentral.dtdl.DtdlParser;
import org.opencentral.dtdl.ModelSource;
import org.opencentral.dtdl.ParseResult;
import org.opencentral.dtdl.model.DeviceModel;

/**
 * Turns a template's capability model (JSON) into a checked, self-contained model: a missing
 * {@code @context} defaults to IoT Central's (DTDL v2 plus the IoT Central extension), references
 * are resolved from the model source and inlined, and the result is parsed again on its own so
 * that what is stored is exactly what was validated. Errors carry pointers into the request body
 * (below {@code pointerPrefix}) or name the referenced document they are in.
 */
final class TemplateCompiler {
    static final String BODY = "request";
    private static final List<String> DEFAULT_CONTEXT = List.of("dtmi:iotcentral:context;2", "dtmi:dtdl:context;2");

    /** A checked model, or why it is not one. */
    sealed interface Compiled {
        record Valid(ObjectNode capabilityModel, DeviceModel model) implements Compiled {
        }

        record Invalid(List<ModelInvalidException.Problem> problems) implements Compiled {
        }
    }

    private TemplateCompiler() {
    }

    static Compiled compile(ObjectNode capabilityModel, ModelSource source, String pointerPrefix) {
        ObjectNode model = withContext(capabilityModel);
        String id = model.path("@id").asText("");
        ParseResult result = new DtdlParser(source).parse(BODY, model.toString());
        if (!result.valid()) {
            return invalid(result.errors(), pointerPrefix);
        }
        if (result.model(id).isEmpty()) {
            return new Compiled.Invalid(List.of(new ModelInvalidException.Problem("DOCUMENT_INVALID", pointerPrefix,
                    "the capability model must be one DTDL Interface with an @id", "")));
        }
        ObjectNode inlined = Inliner.inline(model, source);
        ParseResult standalone = DtdlParser.standalone().parse(BODY, inlined.toString());
        Optional<DeviceModel> parsed = standalone.model(id);
        if (parsed.isEmpty()) {
            return invalid(standalone.errors(), pointerPrefix);
        }
        return new Compiled.Valid(inlined, parsed.get());
    }

    /** Parses a stored (self-contained) capability model. */
    static Optional<DeviceModel> load(ObjectNode capabilityModel) {
        return DtdlParser.standalone().parse(BODY, capabilityModel.toString())
                .model(capabilityModel.path("@id").asText(""));
    }

    private static ObjectNode withContext(ObjectNode capabilityModel) {
        ObjectNode model = capabilityModel.deepCopy();
        if (!model.has("@context")) {
            ObjectNode ordered = Json.object();
            ArrayNode context = ordered.putArray("@context");
            DEFAULT_CONTEXT.forEach(context::add);
            ordered.setAll(model);
            return ordered;
        }
        return model;
    }

    private static Compiled invalid(List<DtdlError> errors, String pointerPrefix) {
        return new Compiled.Invalid(errors.stream().map(e -> problem(e, pointerPrefix)).toList());
    }

    private static ModelInvalidException.Problem problem(DtdlError error, String pointerPrefix) {
        boolean inBody = error.document().equals(BODY);
        return new ModelInvalidException.Problem(error.code().name(),
                inBody ? pointerPrefix + error.pointer() : error.pointer(), error.message(),
                inBody ? "" : error.document());
    }
}
