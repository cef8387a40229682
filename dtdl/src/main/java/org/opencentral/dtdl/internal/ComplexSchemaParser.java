package org.opencentral.dtdl.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.ObjectField;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Quantity;
import org.opencentral.dtdl.model.Schema;

/** Parses Object (with Fields), Map (MapKey, MapValue) and Array schemas. */
final class ComplexSchemaParser {

    private static final int MAX_FIELDS_V2 = 30;

    Optional<Schema> object(Element el, ElementTypes t) {
        el.checkKeys(Common.keys("fields"), t.open(), "Object");
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.other());
        List<Element> items = el.items("fields");
        if (el.scope().v2()) {
            if (!el.has("fields")) {
                el.error(DtdlErrorCode.PROPERTY_REQUIRED, "an Object requires 'fields' in DTDL v2");
            } else if (items.isEmpty()) {
                el.child("fields").error(DtdlErrorCode.SET_EMPTY, "an Object needs at least one field in DTDL v2");
            } else if (items.size() > MAX_FIELDS_V2) {
                el.child("fields").error(DtdlErrorCode.OBJECT_FIELDS_LIMIT, items.size() + " fields; the limit in DTDL v2"
                        + " is " + MAX_FIELDS_V2);
            }
        }
        List<ObjectField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Element item : items) {
            field(item).ifPresent(f -> {
                if (names.add(f.name())) {
                    fields.add(f);
                } else {
                    item.child("name").error(DtdlErrorCode.NAME_DUPLICATE, "field name '" + f.name() + "' is used twice");
                }
            });
        }
        return Optional.of(new ObjectSchema(info, fields));
    }

    private static Optional<ObjectField> field(Element el) {
        Optional<Named> named = named(el, "Field", CoTypes.Policy.QUANTITY);
        return named.map(n -> el.session().locations().put(new ObjectField(n.name, n.info, n.schema, n.quantity), el));
    }

    Optional<Schema> map(Element el, ElementTypes t) {
        el.checkKeys(Common.keys("mapKey", "mapValue"), t.open(), "Map");
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.other());
        Optional<String> keyName = mapKey(el);
        Optional<Named> value = Optional.empty();
        if (!el.has("mapValue")) {
            el.error(DtdlErrorCode.PROPERTY_REQUIRED, "a Map requires 'mapValue'");
        } else {
            value = named(el.child("mapValue"), "MapValue", CoTypes.Policy.QUANTITY);
        }
        if (keyName.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        Named v = value.get();
        return Optional.of(new MapSchema(info, keyName.get(), v.name, v.schema, v.quantity));
    }

    private static Optional<String> mapKey(Element map) {
        if (!map.has("mapKey")) {
            map.error(DtdlErrorCode.PROPERTY_REQUIRED, "a Map requires 'mapKey'");
            return Optional.empty();
        }
        Element el = map.child("mapKey");
        Optional<ElementTypes> t = types(el, "MapKey", CoTypes.Policy.NONE);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        el.checkKeys(Common.keys("name", "schema"), t.get().open(), "MapKey");
        Common.info(el, DtmiRules.USER_MAX, t.get().other());
        Optional<String> name = NameRules.read(el, "a MapKey");
        Optional<String> schema = el.requiredText("schema", "a MapKey");
        if (schema.isPresent() && !schema.get().equals("string")) {
            el.child("schema").error(DtdlErrorCode.MAP_KEY_SCHEMA_INVALID, "a map key's schema must be 'string'");
            return Optional.empty();
        }
        return schema.isPresent() ? name : Optional.empty();
    }

    Optional<Schema> array(Element el, ElementTypes t) {
        el.checkKeys(Common.keys("elementSchema"), t.open(), "Array");
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.other());
        return el.session().schemaParser().required(el, "elementSchema", "an Array")
                .map(element -> new ArraySchema(info, element));
    }

    /** The parts shared by ObjectField and MapValue. */
    private record Named(String name, ElementInfo info, Schema schema, Optional<Quantity> quantity) {
    }

    private static Optional<Named> named(Element el, String kind, CoTypes.Policy policy) {
        Optional<ElementTypes> t = types(el, kind, policy);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        el.checkKeys(Common.keys("name", "schema", "unit"), t.get().open(), kind);
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.get().other());
        Optional<String> name = NameRules.read(el, "a " + kind);
        Optional<Schema> schema = el.session().schemaParser().required(el, "schema", "a " + kind);
        Optional<Quantity> quantity = QuantityReader.read(el, t.get(), schema);
        if (name.isEmpty() || schema.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Named(name.get(), info, schema.get(), quantity));
    }

    private static Optional<ElementTypes> types(Element el, String kind, CoTypes.Policy policy) {
        if (!el.node().isObject()) {
            el.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "a " + kind + " must be a JSON object");
            return Optional.empty();
        }
        return TypeReader.read(el, List.of(kind), Optional.of(kind)).map(raw -> CoTypes.classify(el, raw, policy));
    }
}
