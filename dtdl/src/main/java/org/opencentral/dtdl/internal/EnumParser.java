package org.opencentral.dtdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.EnumLiteral;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.EnumValue;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Schema;

/** Parses an Enum: integer or string values, unique names and values, at most 100 in v2. */
final class EnumParser {

    private static final int MAX_VALUES_V2 = 100;

    Optional<Schema> parse(Element el, ElementTypes t) {
        el.checkKeys(Common.keys("valueSchema", "enumValues"), t.open(), "Enum");
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.other());
        Optional<PrimitiveKind> valueSchema = el.requiredText("valueSchema", "an Enum").flatMap(s -> valueSchema(el, s));
        List<Element> items = el.items("enumValues");
        if (el.scope().v2()) {
            if (!el.has("enumValues")) {
                el.error(DtdlErrorCode.PROPERTY_REQUIRED, "an Enum requires 'enumValues' in DTDL v2");
            } else if (items.isEmpty()) {
                el.child("enumValues").error(DtdlErrorCode.SET_EMPTY, "an Enum needs at least one value in DTDL v2");
            } else if (items.size() > MAX_VALUES_V2) {
                el.child("enumValues").error(DtdlErrorCode.ENUM_VALUES_LIMIT, items.size() + " enum values; the limit in"
                        + " DTDL v2 is " + MAX_VALUES_V2);
            }
        }
        List<EnumValue> values = values(items, valueSchema);
        return valueSchema.map(vs -> new EnumSchema(info, vs, values));
    }

    private static Optional<PrimitiveKind> valueSchema(Element el, String term) {
        Optional<PrimitiveKind> kind = PrimitiveKind.ofTerm(term)
                .filter(k -> k == PrimitiveKind.INTEGER || k == PrimitiveKind.STRING);
        if (kind.isEmpty()) {
            el.child("valueSchema").error(DtdlErrorCode.ENUM_VALUE_SCHEMA_INVALID,
                    "an Enum's valueSchema must be 'integer' or 'string', not '" + term + "'");
        }
        return kind;
    }

    private static List<EnumValue> values(List<Element> items, Optional<PrimitiveKind> valueSchema) {
        List<EnumValue> values = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<EnumLiteral> literals = new HashSet<>();
        for (Element item : items) {
            Optional<EnumValue> value = value(item, valueSchema);
            if (value.isEmpty()) {
                continue;
            }
            EnumValue v = value.get();
            if (!names.add(v.name())) {
                item.child("name").error(DtdlErrorCode.NAME_DUPLICATE, "enum value name '" + v.name() + "' is used twice");
            } else if (!literals.add(v.value())) {
                item.child("enumValue").error(DtdlErrorCode.ENUM_VALUE_DUPLICATE, "enumValue " + item.node().get("enumValue")
                        + " is used twice; enum values must be unique");
            } else {
                values.add(item.session().locations().put(v, item));
            }
        }
        return values;
    }

    private static Optional<EnumValue> value(Element el, Optional<PrimitiveKind> valueSchema) {
        if (!el.node().isObject()) {
            el.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "enumValues items must be EnumValue objects");
            return Optional.empty();
        }
        Optional<TypeReader.Raw> raw = TypeReader.read(el, List.of("EnumValue"), Optional.of("EnumValue"));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        ElementTypes t = CoTypes.classify(el, raw.get(), CoTypes.Policy.NONE);
        el.checkKeys(Common.keys("name", "enumValue"), t.open(), "EnumValue");
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.other());
        Optional<String> name = NameRules.read(el, "an EnumValue");
        Optional<EnumLiteral> literal = literal(el, valueSchema);
        if (name.isEmpty() || literal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EnumValue(name.get(), info, literal.get()));
    }

    private static Optional<EnumLiteral> literal(Element el, Optional<PrimitiveKind> valueSchema) {
        JsonNode value = el.node().get("enumValue");
        if (value == null) {
            el.error(DtdlErrorCode.PROPERTY_REQUIRED, "an EnumValue requires 'enumValue'");
            return Optional.empty();
        }
        Element at = el.child("enumValue");
        EnumLiteral literal;
        if (value.isTextual()) {
            literal = new EnumLiteral.StringValue(value.textValue());
        } else if (value.isIntegralNumber() && value.canConvertToInt()) {
            literal = new EnumLiteral.IntegerValue(value.intValue());
        } else {
            at.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "enumValue must be an integer or a string");
            return Optional.empty();
        }
        boolean integer = literal instanceof EnumLiteral.IntegerValue;
        if (valueSchema.isPresent() && integer != (valueSchema.get() == PrimitiveKind.INTEGER)) {
            at.error(DtdlErrorCode.ENUM_VALUE_TYPE_MISMATCH, "enumValue " + value + " is " + (integer ? "an integer" : "a string")
                    + " but the Enum's valueSchema is " + valueSchema.get().term());
            return Optional.empty();
        }
        return Optional.of(literal);
    }
}
