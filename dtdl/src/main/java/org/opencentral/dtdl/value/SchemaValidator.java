package org.opencentral.dtdl.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.EnumLiteral;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.ObjectField;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.Schema;

/**
 * Checks a JSON value against a schema and reports every mismatch with a JSON pointer into the
 * value. Object fields are optional (DTDL has no required fields); members an Object does not
 * describe are reported as {@link ValueErrorCode#UNKNOWN_FIELD}. Map keys follow IoT Hub's twin
 * key rules (non-empty; no '.', '$', space or control character) so that values can be stored in
 * twins.
 */
public final class SchemaValidator {

    private SchemaValidator() {
    }

    public static List<ValueError> validate(Schema schema, JsonNode value) {
        ValueErrors errors = new ValueErrors();
        check(schema, value, "", errors);
        return errors.list();
    }

    public static boolean isValid(Schema schema, JsonNode value) {
        return validate(schema, value).isEmpty();
    }

    static void check(Schema schema, JsonNode value, String at, ValueErrors errors) {
        switch (schema) {
            case Primitive p -> PrimitiveValues.check(p.kind(), value, at, errors);
            case EnumSchema e -> enumeration(e, value, at, errors);
            case ObjectSchema o -> object(o, value, at, errors);
            case MapSchema m -> map(m, value, at, errors);
            case ArraySchema a -> array(a, value, at, errors);
            case Geospatial g -> GeoValues.geoJson(g.kind(), value, at, errors);
            case IotcGeopoint g -> GeoValues.geopoint(value, at, errors);
            case IotcVector v -> GeoValues.vector(value, at, errors);
        }
    }

    private static void enumeration(EnumSchema e, JsonNode value, String at, ValueErrors errors) {
        if (!PrimitiveValues.check(e.valueSchema(), value, at, errors)) {
            return;
        }
        boolean member = e.values().stream().anyMatch(v -> switch (v.value()) {
            case EnumLiteral.IntegerValue i -> value.isNumber() && value.asLong() == i.value();
            case EnumLiteral.StringValue s -> value.isTextual() && value.textValue().equals(s.value());
        });
        if (!member) {
            errors.add(at, ValueErrorCode.NOT_IN_ENUM, value + " is not one of the enum values "
                    + e.values().stream().map(v -> v.value() instanceof EnumLiteral.StringValue s ? s.value()
                            : String.valueOf(((EnumLiteral.IntegerValue) v.value()).value())).toList());
        }
    }

    private static void object(ObjectSchema o, JsonNode value, String at, ValueErrors errors) {
        if (!value.isObject()) {
            errors.add(at, ValueErrorCode.TYPE_MISMATCH, "expected an object");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String child = ValueErrors.child(at, member.getKey());
            Optional<ObjectField> field = o.field(member.getKey());
            if (field.isPresent()) {
                check(field.get().schema(), member.getValue(), child, errors);
            } else {
                errors.add(child, ValueErrorCode.UNKNOWN_FIELD, "the object has no field '" + member.getKey() + "'");
            }
        }
    }

    private static void map(MapSchema m, JsonNode value, String at, ValueErrors errors) {
        if (!value.isObject()) {
            errors.add(at, ValueErrorCode.TYPE_MISMATCH, "expected an object (a map)");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String child = ValueErrors.child(at, entry.getKey());
            if (!validKey(entry.getKey())) {
                errors.add(child, ValueErrorCode.INVALID_KEY, "map key '" + entry.getKey()
                        + "' must be non-empty without '.', '$', spaces or control characters");
            }
            check(m.valueSchema(), entry.getValue(), child, errors);
        }
    }

    static boolean validKey(String key) {
        return !key.isEmpty() && key.chars().noneMatch(c -> c == '.' || c == '$' || c == ' ' || Character.isISOControl(c));
    }

    private static void array(ArraySchema a, JsonNode value, String at, ValueErrors errors) {
        if (!value.isArray()) {
            errors.add(at, ValueErrorCode.TYPE_MISMATCH, "expected an array");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check(a.elementSchema(), value.get(i), ValueErrors.child(at, i), errors);
        }
    }
}
