package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.Json;
import org.opencentral.dtdl.ModelDocument;
import org.opencentral.dtdl.ModelSource;

/**
 * Makes a capability model self-contained, as IoT Central stores templates: a Component schema or
 * {@code extends} entry naming an interface found in the model source is replaced by that
 * interface's JSON (recursively). Each interface is inlined once; later references keep the DTMI,
 * which resolves to the inlined definition. Contexts the inlined interfaces need are added to the root.
 */
final class Inliner {
    private final ModelSource source;
    private final Set<String> inlined = new HashSet<>();
    private final Set<String> contexts = new java.util.LinkedHashSet<>();

    private Inliner(ModelSource source) {
        this.source = source;
    }

    static ObjectNode inline(ObjectNode model, ModelSource source) {
        Inliner inliner = new Inliner(source);
        ObjectNode copy = model.deepCopy();
        inliner.definedHere(copy);
        inliner.walkInterface(copy);
        inliner.mergeContexts(copy);
        return copy;
    }

    private void definedHere(JsonNode node) {
        if (node.isObject() && node.path("@id").isTextual()) {
            inlined.add(node.get("@id").asText());
        }
        node.forEach(this::definedHere);
    }

    private void walkInterface(ObjectNode iface) {
        JsonNode ext = iface.get("extends");
        if (ext != null && ext.isTextual()) {
            resolve(ext.asText()).ifPresent(found -> iface.set("extends", found));
        } else if (ext instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode entry = array.get(i);
                if (entry.isTextual()) {
                    int at = i;
                    resolve(entry.asText()).ifPresent(found -> array.set(at, found));
                } else if (entry instanceof ObjectNode object) {
                    walkInterface(object);
                }
            }
        } else if (ext instanceof ObjectNode object) {
            walkInterface(object);
        }
        for (JsonNode content : iface.path("contents")) {
            if (content instanceof ObjectNode element && isComponent(element)) {
                JsonNode schema = element.get("schema");
                if (schema != null && schema.isTextual()) {
                    resolve(schema.asText()).ifPresent(found -> element.set("schema", found));
                } else if (schema instanceof ObjectNode object) {
                    walkInterface(object);
                }
            }
        }
    }

    private Optional<ObjectNode> resolve(String dtmi) {
        if (inlined.contains(dtmi)) {
            return Optional.empty();
        }
        Optional<ObjectNode> found = source.find(dtmi).map(ModelDocument::json).map(Inliner::parse)
                .filter(node -> dtmi.equals(node.path("@id").asText()));
        found.ifPresent(node -> {
            inlined.add(dtmi);
            collectContexts(node.get("@context"));
            node.remove("@context");
            walkInterface(node);
        });
        return found;
    }

    private static ObjectNode parse(String json) {
        JsonNode node = Json.parse(json);
        return node instanceof ObjectNode object ? object : Json.object();
    }

    private static boolean isComponent(ObjectNode element) {
        JsonNode type = element.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isTextual()) {
            return type.asText().equals("Component");
        }
        for (JsonNode t : type) {
            if (t.asText().equals("Component")) {
                return true;
            }
        }
        return false;
    }

    private void collectContexts(JsonNode context) {
        if (context == null) {
            return;
        }
        if (context.isTextual()) {
            contexts.add(context.asText());
        }
        context.forEach(c -> collectContexts(c));
    }

    /** Adds the extension contexts (not the DTDL version) the inlined interfaces declared. */
    private void mergeContexts(ObjectNode root) {
        Set<String> have = new java.util.LinkedHashSet<>();
        JsonNode current = root.get("@context");
        if (current == null) {
            return;
        }
        if (current.isTextual()) {
            have.add(current.asText());
        }
        current.forEach(c -> have.add(c.asText()));
        ArrayNode merged = Json.MAPPER.createArrayNode();
        contexts.stream().filter(c -> !c.startsWith("dtmi:dtdl:context;") && !have.contains(c)).forEach(merged::add);
        if (merged.isEmpty()) {
            return;
        }
        have.forEach(merged::add);
        root.set("@context", merged);
    }
}
