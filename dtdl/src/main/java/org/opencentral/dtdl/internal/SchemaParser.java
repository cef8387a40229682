package org.opencentral.dtdl.internal;

import java.util.List;
import java.util.Optional;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.GeoKind;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Schema;

/** Parses a schema value: a primitive or extension term, a DTMI reference, or an inline complex schema. */
final class SchemaParser {

    private static final String GEOPOINT_IRI = "dtmi:iotcentral:schema:geopoint;2";
    private static final String VECTOR_IRI = "dtmi:iotcentral:schema:vector;2";
    private static final String GEOSPATIAL_IRI = "dtmi:standard:schema:geospatial:";

    private final ComplexSchemaParser complex = new ComplexSchemaParser();
    private final EnumParser enums = new EnumParser();

    Optional<Schema> required(Element owner, String key, String kind) {
        if (!owner.has(key)) {
            owner.error(DtdlErrorCode.PROPERTY_REQUIRED, kind + " requires '" + key + "'");
            return Optional.empty();
        }
        return value(owner.child(key));
    }

    Optional<Schema> value(Element el) {
        if (el.node().isTextual()) {
            return term(el, el.node().textValue());
        }
        if (el.node().isObject()) {
            return complex(el, el);
        }
        el.error(DtdlErrorCode.PROPERTY_VALUE_INVALID,
                "a schema must be a primitive schema name, a DTMI or a complex schema object");
        return Optional.empty();
    }

    /** Parses the complex schema at {@code el}, once per {@code @id}; a cycle is reported at {@code referrer}. */
    Optional<Schema> complex(Element el, Element referrer) {
        Optional<String> id = el.rawId();
        if (id.isPresent()) {
            return el.session().schemas().define(id.get(), referrer, () -> parseComplex(el));
        }
        return parseComplex(el);
    }

    private Optional<Schema> parseComplex(Element el) {
        Optional<TypeReader.Raw> raw = TypeReader.read(el, List.of("Array", "Enum", "Map", "Object"), Optional.empty());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        ElementTypes t = CoTypes.classify(el, raw.get(), CoTypes.Policy.NONE);
        Optional<Schema> schema = switch (t.material()) {
            case "Object" -> complex.object(el, t);
            case "Map" -> complex.map(el, t);
            case "Array" -> complex.array(el, t);
            default -> enums.parse(el, t);
        };
        return schema.map(s -> el.session().locations().put(s, el));
    }

    private Optional<Schema> term(Element el, String term) {
        Optional<PrimitiveKind> primitive = PrimitiveKind.ofTerm(term);
        if (primitive.isPresent()) {
            return Optional.of(Primitive.of(primitive.get()));
        }
        Optional<GeoKind> geo = GeoKind.ofTerm(term).or(() -> geospatialIri(el, term));
        if (geo.isPresent()) {
            return Optional.of(new Geospatial(geo.get()));
        }
        if (term.equals("geopoint") || term.equals(GEOPOINT_IRI)) {
            return iotc(el, term, new IotcGeopoint());
        }
        if (term.equals("vector") || term.equals(VECTOR_IRI)) {
            return iotc(el, term, new IotcVector());
        }
        if (term.startsWith("dtmi:")) {
            return DtmiRules.check(el, term, DtmiRules.USER_MAX, false)
                    .flatMap(d -> el.session().resolveSchema(term, el));
        }
        el.error(DtdlErrorCode.SCHEMA_UNKNOWN, "'" + term + "' is not a DTDL schema: use a primitive schema (boolean,"
                + " date, dateTime, double, duration, float, integer, long, string, time), a geospatial schema,"
                + " the DTMI of a complex schema or an inline Array, Enum, Map or Object");
        return Optional.empty();
    }

    private static Optional<GeoKind> geospatialIri(Element el, String term) {
        String suffix = el.scope().v2() ? ";2" : ";3";
        if (!term.startsWith(GEOSPATIAL_IRI) || !term.endsWith(suffix)) {
            return Optional.empty();
        }
        return GeoKind.ofTerm(term.substring(GEOSPATIAL_IRI.length(), term.length() - suffix.length()));
    }

    private static Optional<Schema> iotc(Element el, String term, Schema schema) {
        if (!el.scope().iotc()) {
            el.error(DtdlErrorCode.SCHEMA_UNKNOWN, "'" + term + "' is defined by the IoT Central extension: add \""
                    + ContextReader.IOTC + "\" to @context");
            return Optional.empty();
        }
        return Optional.of(schema);
    }
}
