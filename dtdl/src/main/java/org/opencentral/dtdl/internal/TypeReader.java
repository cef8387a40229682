package org.opencentral.dtdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.DtdlErrorCode;

/** Reads {@code @type}: exactly one DTDL element kind from the allowed set, plus co-types. */
final class TypeReader {

    static final Set<String> MATERIAL = Set.of("Interface", "Telemetry", "Property", "Command", "Component",
            "Relationship", "Object", "Map", "Enum", "Array", "Field", "EnumValue", "MapKey", "MapValue",
            "CommandPayload", "CommandRequest", "CommandResponse");

    private TypeReader() {
    }

    /** The DTDL kind and the co-type terms; {@code implicit} is used when {@code @type} may be omitted. */
    record Raw(String material, List<String> coTypes) {
    }

    static Optional<Raw> read(Element el, List<String> allowed, Optional<String> implicit) {
        Optional<List<String>> terms = terms(el, implicit.isEmpty());
        if (terms.isEmpty()) {
            return implicit.map(m -> new Raw(m, List.of()));
        }
        List<String> materials = terms.get().stream().filter(MATERIAL::contains).distinct().toList();
        Element at = el.child("@type");
        if (materials.size() != 1) {
            at.error(DtdlErrorCode.TYPE_INVALID, (materials.isEmpty() ? "@type names no DTDL element kind"
                    : "@type names several DTDL element kinds " + materials) + "; expected one of " + allowed);
            return Optional.empty();
        }
        String material = materials.get(0);
        if (!allowed.contains(material)) {
            at.error(DtdlErrorCode.TYPE_INVALID, "a " + material + " is not allowed here; expected "
                    + (allowed.size() == 1 ? allowed.get(0) : "one of " + allowed));
            return Optional.empty();
        }
        List<String> coTypes = new ArrayList<>(terms.get());
        coTypes.removeIf(material::equals);
        return Optional.of(new Raw(material, coTypes));
    }

    private static Optional<List<String>> terms(Element el, boolean required) {
        JsonNode type = el.node().get("@type");
        if (type == null) {
            if (required) {
                el.error(DtdlErrorCode.TYPE_MISSING, "@type is required");
            }
            return Optional.empty();
        }
        List<String> terms = new ArrayList<>();
        for (JsonNode term : type.isArray() ? type : List.of(type)) {
            if (!term.isTextual()) {
                el.child("@type").error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "@type must be a string or an array of strings");
                return Optional.empty();
            }
            terms.add(term.textValue());
        }
        if (terms.isEmpty() && required) {
            el.child("@type").error(DtdlErrorCode.TYPE_MISSING, "@type is empty");
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(terms);
    }
}
