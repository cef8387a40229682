package org.opencentral.dtdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.ModelDocument;
import org.opencentral.dtdl.ModelSource;
import org.opencentral.dtdl.ParseResult;
import org.opencentral.dtdl.model.Interface;
import org.opencentral.dtdl.model.Schema;

/**
 * One parse: the given documents, the model source, the definitions parsed so far and the errors.
 * Not thread-safe; create one per parse ({@link #parse}).
 */
public final class ParseSession {

    private static final Set<String> COMPLEX = Set.of("Object", "Map", "Enum", "Array");

    private final ErrorSink errors = new ErrorSink();
    private final Locations locations = new Locations();
    private final Registry registry;
    private final Definitions<Interface> interfaces = new Definitions<>();
    private final Definitions<Schema> schemas = new Definitions<>();
    private final Hierarchy hierarchy = new Hierarchy();
    private final SchemaParser schemaParser = new SchemaParser();
    private final InterfaceParser interfaceParser = new InterfaceParser();
    private final ContentParser contentParser = new ContentParser();

    private ParseSession(ModelSource source) {
        this.registry = new Registry(source, errors);
    }

    /** Parses the documents together, resolving what they lack from {@code source}. */
    public static ParseResult parse(List<ModelDocument> documents, ModelSource source) {
        ParseSession session = new ParseSession(source);
        List<Located> tops = new ArrayList<>();
        documents.forEach(doc -> tops.addAll(session.registry.addGiven(doc)));
        List<Interface> parsed = new ArrayList<>();
        for (Located top : tops) {
            Element el = new Element(session, top.scope(), top.node(), top.pointer());
            session.interfaceParser.parse(el).ifPresent(parsed::add);
        }
        return new ParseResult(parsed, session.errors.all());
    }

    ErrorSink errors() {
        return errors;
    }

    Locations locations() {
        return locations;
    }

    Definitions<Interface> interfaces() {
        return interfaces;
    }

    Definitions<Schema> schemas() {
        return schemas;
    }

    Hierarchy hierarchy() {
        return hierarchy;
    }

    SchemaParser schemaParser() {
        return schemaParser;
    }

    InterfaceParser interfaceParser() {
        return interfaceParser;
    }

    ContentParser contentParser() {
        return contentParser;
    }

    /** The Interface {@code id} referenced at {@code ref}. */
    Optional<Interface> resolveInterface(String id, Element ref) {
        if (interfaces.known(id)) {
            return interfaces.define(id, ref, Optional::empty);
        }
        return locate(id, ref, Set.of("Interface"), "an Interface")
                .flatMap(el -> interfaceParser.parse(el, ref));
    }

    /** The complex schema {@code id} referenced at {@code ref}. */
    Optional<Schema> resolveSchema(String id, Element ref) {
        if (schemas.known(id)) {
            return schemas.define(id, ref, Optional::empty);
        }
        return locate(id, ref, COMPLEX, "an Array, Enum, Map or Object")
                .flatMap(el -> schemaParser.complex(el, ref));
    }

    private Optional<Element> locate(String id, Element ref, Set<String> kinds, String expected) {
        Optional<Located> found = registry.find(id);
        if (found.isEmpty()) {
            ref.error(DtdlErrorCode.UNRESOLVED_REFERENCE, "unresolved " + id
                    + " (not defined in the models given nor found in the model repository)");
            return Optional.empty();
        }
        Located at = found.get();
        if (!hasType(at.node(), kinds)) {
            ref.error(DtdlErrorCode.REFERENCE_KIND_INVALID, id + " is not " + expected);
            return Optional.empty();
        }
        return Optional.of(new Element(this, at.scope(), at.node(), at.pointer()));
    }

    private static boolean hasType(JsonNode node, Set<String> kinds) {
        JsonNode type = node.path("@type");
        for (JsonNode term : type.isArray() ? type : List.of(type)) {
            if (term.isTextual() && kinds.contains(term.textValue())) {
                return true;
            }
        }
        return false;
    }
}
