package org.opencentral.dtdl.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.ModelDocument;
import org.opencentral.dtdl.ModelSource;

/**
 * The documents known to a parse and an index of every {@code @id} in them. Unknown DTMIs are
 * asked of the {@link ModelSource} once each; the documents it returns join the index.
 */
final class Registry {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ModelSource source;
    private final ErrorSink errors;
    private final Map<String, Located> byId = new HashMap<>();
    private final Set<String> asked = new HashSet<>();
    private final Set<String> givenDocuments = new HashSet<>();

    Registry(ModelSource source, ErrorSink errors) {
        this.source = source;
        this.errors = errors;
    }

    /** Adds a given document; returns its top-level elements that have a usable context. */
    List<Located> addGiven(ModelDocument doc) {
        givenDocuments.add(doc.location());
        return add(doc, true);
    }

    Optional<Located> find(String dtmi) {
        Located known = byId.get(dtmi);
        if (known != null || !asked.add(dtmi)) {
            return Optional.ofNullable(known);
        }
        source.find(dtmi).ifPresent(doc -> add(doc, false));
        return Optional.ofNullable(byId.get(dtmi));
    }

    private List<Located> add(ModelDocument doc, boolean given) {
        JsonNode root;
        try {
            root = JSON.readTree(doc.json());
        } catch (JsonProcessingException e) {
            errors.add(doc.location(), "", DtdlErrorCode.JSON_INVALID, "not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            return List.of();
        }
        List<Located> tops = new ArrayList<>();
        if (root != null && root.isObject()) {
            top(doc, root, "", given).ifPresent(tops::add);
        } else if (root != null && root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                top(doc, root.get(i), "/" + i, given).ifPresent(tops::add);
            }
        } else {
            errors.add(doc.location(), "", DtdlErrorCode.DOCUMENT_INVALID,
                    "a model document must be a JSON object or an array of objects");
        }
        return tops;
    }

    private Optional<Located> top(ModelDocument doc, JsonNode node, String pointer, boolean given) {
        if (!node.isObject()) {
            errors.add(doc.location(), pointer, DtdlErrorCode.DOCUMENT_INVALID, "array items must be JSON objects");
            return Optional.empty();
        }
        Optional<ContextScope> scope = ContextReader.read(node, pointer, doc.location(), doc.json().length(), errors);
        scope.ifPresent(s -> index(s, node, pointer, given));
        return scope.map(s -> new Located(s, node, pointer));
    }

    /**
     * Every {@code @id} must be unique in the model: among the documents given together and the ones
     * they depend on. Reported in a given document when one of the two is in one (the model being
     * checked), else where the second definition is. A document from the model source that repeats
     * a definition word for word (a stored template with its components inlined) defines the same
     * element, not a second one.
     */
    private void duplicate(String id, Located previous, Located here, boolean hereGiven) {
        boolean previousGiven = givenDocuments.contains(previous.scope().location());
        if (!(hereGiven && previousGiven) && previous.node().equals(here.node())) {
            return;
        }
        boolean atPrevious = previousGiven && !hereGiven;
        Located at = atPrevious ? previous : here;
        Located other = atPrevious ? here : previous;
        errors.add(at.scope().location(), Pointer.child(at.pointer(), "@id"), DtdlErrorCode.DTMI_DUPLICATE,
                id + (atPrevious ? " is also defined in " : " is already defined in ") + other.scope().location()
                        + " at " + (other.pointer().isEmpty() ? "/" : other.pointer()));
    }

    private void index(ContextScope scope, JsonNode node, String pointer, boolean given) {
        if (node.isObject()) {
            JsonNode id = node.get("@id");
            if (id != null && id.isTextual()) {
                Located here = new Located(scope, node, pointer);
                Located previous = byId.putIfAbsent(id.textValue(), here);
                if (previous != null) {
                    duplicate(id.textValue(), previous, here, given);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                index(scope, field.getValue(), Pointer.child(pointer, field.getKey()), given);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                index(scope, node.get(i), Pointer.child(pointer, i), given);
            }
        }
    }
}
