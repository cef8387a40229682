package org.opencentral.dtdl.internal;

import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.model.Content;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.IotcAdjunct;
import org.opencentral.dtdl.model.IotcTraits;
import org.opencentral.dtdl.model.Property;
import org.opencentral.dtdl.model.Quantity;
import org.opencentral.dtdl.model.Schema;
import org.opencentral.dtdl.model.Telemetry;

/** Parses Telemetry and Property (also a Relationship's properties). */
final class CapabilityParser {

    Optional<Content> parse(Element el, ElementTypes t) {
        boolean property = t.material().equals("Property");
        String kind = t.material();
        el.checkKeys(keys(t, property), t.open(), kind);
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.other());
        Optional<String> name = NameRules.read(el, "a " + kind);
        Optional<Schema> schema = el.session().schemaParser().required(el, "schema", "a " + kind);
        Optional<Quantity> quantity = QuantityReader.read(el, t, schema);
        schema.ifPresent(s -> IotcRules.check(el, t, s));
        boolean writable = property && el.bool("writable").orElse(false);
        IotcTraits iotc = new IotcTraits(t.iotc(), Optional.ofNullable(el.node().get("initialValue")),
                el.text("severity"));
        if (name.isEmpty() || schema.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(property
                ? new Property(name.get(), info, schema.get(), writable, quantity, iotc)
                : new Telemetry(name.get(), info, schema.get(), quantity, iotc));
    }

    private static Set<String> keys(ElementTypes t, boolean property) {
        Set<String> keys = Common.keys("name", "schema", "unit");
        if (property) {
            keys.add("writable");
        }
        if (t.has(IotcAdjunct.INITIALIZED)) {
            keys.add("initialValue");
        }
        if (t.has(IotcAdjunct.EVENT) || t.has(IotcAdjunct.EVENT_VALUE)) {
            keys.add("severity");
        }
        return keys;
    }
}
