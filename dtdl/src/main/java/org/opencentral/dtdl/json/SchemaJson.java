package org.opencentral.dtdl.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.EnumLiteral;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.EnumValue;
import org.opencentral.dtdl.model.ObjectField;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.Schema;

/** Canonical JSON of a schema: terms for primitive and extension schemas, objects for complex ones. */
public final class SchemaJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    public static JsonNode toJson(Schema schema) {
        return switch (schema) {
            case Primitive p -> TextNode.valueOf(p.kind().term());
            case Geospatial g -> TextNode.valueOf(g.kind().term());
            case IotcGeopoint g -> TextNode.valueOf("geopoint");
            case IotcVector v -> TextNode.valueOf("vector");
            case ObjectSchema o -> object(o);
            case MapSchema m -> map(m);
            case EnumSchema e -> enumeration(e);
            case ArraySchema a -> array(a);
        };
    }

    private static ObjectNode complex(String type, org.opencentral.dtdl.model.ElementInfo info) {
        ObjectNode json = NODES.objectNode();
        json.put("@type", type);
        Parts.info(json, info);
        return json;
    }

    private static ObjectNode object(ObjectSchema o) {
        ObjectNode json = complex("Object", o.info());
        ArrayNode fields = json.putArray("fields");
        for (ObjectField f : o.fields()) {
            ObjectNode field = fields.addObject();
            field.put("name", f.name());
            Parts.info(field, f.info());
            field.set("schema", toJson(f.schema()));
            f.quantity().ifPresent(q -> Parts.quantity(field, q));
        }
        return json;
    }

    private static ObjectNode map(MapSchema m) {
        ObjectNode json = complex("Map", m.info());
        json.putObject("mapKey").put("name", m.keyName()).put("schema", "string");
        ObjectNode value = json.putObject("mapValue");
        value.put("name", m.valueName());
        value.set("schema", toJson(m.valueSchema()));
        m.valueQuantity().ifPresent(q -> Parts.quantity(value, q));
        return json;
    }

    private static ObjectNode enumeration(EnumSchema e) {
        ObjectNode json = complex("Enum", e.info());
        json.put("valueSchema", e.valueSchema().term());
        ArrayNode values = json.putArray("enumValues");
        for (EnumValue v : e.values()) {
            ObjectNode value = values.addObject();
            value.put("name", v.name());
            Parts.info(value, v.info());
            switch (v.value()) {
                case EnumLiteral.IntegerValue i -> value.put("enumValue", i.value());
                case EnumLiteral.StringValue s -> value.put("enumValue", s.value());
            }
        }
        return json;
    }

    private static ObjectNode array(ArraySchema a) {
        ObjectNode json = complex("Array", a.info());
        json.set("elementSchema", toJson(a.elementSchema()));
        return json;
    }
}
