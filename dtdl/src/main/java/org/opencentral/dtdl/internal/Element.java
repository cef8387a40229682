package org.opencentral.dtdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.DtdlVersion;

/** A JSON value being parsed, with its pointer and scope, and typed accessors that report errors. */
final class Element {

    private final ParseSession session;
    private final ContextScope scope;
    private final JsonNode node;
    private final String pointer;

    Element(ParseSession session, ContextScope scope, JsonNode node, String pointer) {
        this.session = session;
        this.scope = scope;
        this.node = node;
        this.pointer = pointer;
    }

    ParseSession session() {
        return session;
    }

    ContextScope scope() {
        return scope;
    }

    DtdlVersion version() {
        return scope.version();
    }

    JsonNode node() {
        return node;
    }

    String pointer() {
        return pointer;
    }

    boolean has(String key) {
        return node.has(key);
    }

    Element child(String key) {
        return new Element(session, scope, node.path(key), Pointer.child(pointer, key));
    }

    /** The array items, or this value alone (JSON-LD allows a single value for a set). */
    List<Element> items() {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(this);
        }
        List<Element> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new Element(session, scope, node.get(i), Pointer.child(pointer, i)));
        }
        return items;
    }

    List<Element> items(String key) {
        return child(key).items();
    }

    void error(DtdlErrorCode code, String message) {
        session.errors().add(scope.location(), pointer, code, message);
    }

    Optional<String> text(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            child(key).error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "'" + key + "' must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    Optional<String> requiredText(String key, String kind) {
        if (!has(key)) {
            error(DtdlErrorCode.PROPERTY_REQUIRED, kind + " requires '" + key + "'");
            return Optional.empty();
        }
        return text(key);
    }

    Optional<Boolean> bool(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            child(key).error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "'" + key + "' must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    Optional<Integer> integer(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            child(key).error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "'" + key + "' must be an integer");
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /** The {@code @id} if it is a string (syntax is checked by {@link Common#info}). */
    Optional<String> rawId() {
        JsonNode id = node.get("@id");
        return id != null && id.isTextual() ? Optional.of(id.textValue()) : Optional.empty();
    }

    /** Reports every property not in {@code allowed}, unless an undefined co-type opens the element. */
    void checkKeys(Set<String> allowed, boolean open, String kind) {
        if (open) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (allowed.contains(key) || key.equals("@context")) {
                continue;
            }
            if (key.equals("writable")) {
                child(key).error(DtdlErrorCode.WRITABLE_NOT_ALLOWED,
                        "'writable' is allowed only on a Property or a Relationship, not on a " + kind);
            } else {
                child(key).error(DtdlErrorCode.PROPERTY_UNKNOWN, "'" + key + "' is not a property of a " + kind
                        + " in DTDL " + scope.version().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
