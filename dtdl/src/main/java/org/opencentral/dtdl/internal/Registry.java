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
import org.opencentral.dtdl.ErrorCode;
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

    Registry(ModelSource source, ErrorSink errors) {
        this.source = source;
        this.errors = errors;
    }

    /** Adds a given document; returns its top-level elements that have a usable context. */
    List<Located> addGiven(ModelDocument doc) {
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
            errors.add(doc.location(), "", ErrorCode.JSON_INVALID, "not valid JSON: " + e.getOriginalMessage()
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
            errors.add(doc.location(), "", ErrorCode.DOCUMENT_INVALID,
                    "a model document must be a JSON object or an array of objects");
        }
        return tops;
    }

    private Optional<Located> top(ModelDocument doc, JsonNode node, String pointer, boolean given) {
        if (!node.isObject()) {
            errors.add(doc.location(), pointer, ErrorCode.DOCUMENT_INVALID, "array items must be JSON objects");
            return Optional.empty();
        }
        Optional<Scope> scope = ContextReader.read(node, pointer, doc.location(), doc.json().length(), errors);
        scope.ifPresent(s -> index(s, node, pointer, given));
        return scope.map(s -> new Located(s, node, pointer));
    }

    private void index(Scope scope, JsonNode node, String pointer, boolean given) {
        if (node.isObject()) {
            JsonNode id = node.get("@id");
            if (id != null && id.isTextual()) {
                Located previous = byId.putIfAbsent(id.textValue(), new Located(scope, node, pointer));
                if (previous != null && given) {
                    errors.add(scope.location(), Pointer.child(pointer, "@id"), ErrorCode.DTMI_DUPLICATE,
                            id.textValue() + " is already defined in " + previous.scope().location() + " at "
                                    + (previous.pointer().isEmpty() ? "/" : previous.pointer()));
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
