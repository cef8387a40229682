package org.opencentral.dtdl.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.IotcAdjunct;
import org.opencentral.dtdl.model.IotcTraits;
import org.opencentral.dtdl.model.LocalizedText;
import org.opencentral.dtdl.model.Quantity;
import org.opencentral.dtdl.model.Schema;

/** Rendering of the parts elements share. */
final class Parts {

    private Parts() {
    }

    static void info(ObjectNode json, ElementInfo info) {
        info.id().ifPresent(id -> json.put("@id", id.value()));
        text(json, "displayName", info.displayName());
        text(json, "description", info.description());
        info.comment().ifPresent(c -> json.put("comment", c));
        if (!info.otherTypes().isEmpty()) {
            ArrayNode other = json.putArray("otherTypes");
            info.otherTypes().forEach(other::add);
        }
    }

    private static void text(ObjectNode json, String key, LocalizedText text) {
        if (!text.isEmpty()) {
            ObjectNode map = json.putObject(key);
            text.byLanguage().forEach(map::put);
        }
    }

    static void capability(ObjectNode json, Schema schema, Optional<Quantity> quantity, IotcTraits iotc) {
        json.set("schema", SchemaJson.toJson(schema));
        quantity.ifPresent(q -> quantity(json, q));
        if (!iotc.adjuncts().isEmpty()) {
            ArrayNode adjuncts = json.putArray("iotcTypes");
            iotc.adjuncts().stream().map(IotcAdjunct::term).forEach(adjuncts::add);
        }
        iotc.initialValue().ifPresent(v -> json.set("initialValue", v));
        iotc.severity().ifPresent(s -> json.put("severity", s));
    }

    static void quantity(ObjectNode json, Quantity q) {
        json.put("semanticType", q.semanticType());
        json.put("unitType", q.unitType());
        json.put("unit", q.unit());
    }
}
