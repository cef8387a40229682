package org.opencentral.dtdl.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.Content;
import org.opencentral.dtdl.model.Dtmi;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.Property;
import org.opencentral.dtdl.model.Relationship;

/** Parses a Relationship: target (by reference, not resolved), multiplicities and properties. */
final class RelationshipParser {

    private static final int MAX_MULTIPLICITY_V2 = 500;
    private static final int MAX_PROPERTIES_V2 = 300;

    private final CapabilityParser capability;

    RelationshipParser(CapabilityParser capability) {
        this.capability = capability;
    }

    Optional<Content> parse(Element el, ElementTypes t) {
        el.checkKeys(Common.keys("name", "target", "minMultiplicity", "maxMultiplicity", "properties", "writable"),
                t.open(), "Relationship");
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.other());
        Optional<String> name = NameRules.read(el, "a Relationship");
        Optional<Dtmi> target = target(el);
        Optional<Integer> min = el.integer("minMultiplicity");
        Optional<Integer> max = el.integer("maxMultiplicity");
        min.filter(m -> m != 0).ifPresent(m -> el.child("minMultiplicity").error(DtdlErrorCode.MULTIPLICITY_INVALID,
                "minMultiplicity must be 0"));
        int upper = el.scope().v2() ? MAX_MULTIPLICITY_V2 : Integer.MAX_VALUE;
        max.filter(m -> m < 1 || m > upper).ifPresent(m -> el.child("maxMultiplicity").error(
                DtdlErrorCode.MULTIPLICITY_INVALID, "maxMultiplicity must be at least 1"
                        + (el.scope().v2() ? " and at most " + MAX_MULTIPLICITY_V2 + " in DTDL v2" : "")));
        boolean writable = el.bool("writable").orElse(false);
        List<Property> properties = properties(el);
        return name.map(n -> new Relationship(n, info, target, min, max, writable, properties));
    }

    private static Optional<Dtmi> target(Element el) {
        if (!el.has("target")) {
            return Optional.empty();
        }
        List<Element> items = el.items("target");
        Element at = items.size() == 1 ? items.get(0) : el.child("target");
        if (!at.node().isTextual()) {
            at.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "target must be one Interface DTMI");
            return Optional.empty();
        }
        return DtmiRules.check(at, at.node().textValue(), DtmiRules.USER_MAX, false);
    }

    private List<Property> properties(Element el) {
        List<Element> items = el.items("properties");
        if (el.scope().v2() && items.size() > MAX_PROPERTIES_V2) {
            el.child("properties").error(DtdlErrorCode.RELATIONSHIP_PROPERTIES_LIMIT, items.size()
                    + " Relationship properties; the limit in DTDL v2 is " + MAX_PROPERTIES_V2);
        }
        List<Property> properties = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Element item : items) {
            property(item).ifPresent(p -> {
                if (names.add(p.name())) {
                    properties.add(el.session().locations().put(p, item));
                } else {
                    item.child("name").error(DtdlErrorCode.NAME_DUPLICATE, "name '" + p.name()
                            + "' is used twice in this Relationship's properties");
                }
            });
        }
        return properties;
    }

    private Optional<Property> property(Element item) {
        if (!item.node().isObject()) {
            item.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "Relationship properties must be Property objects");
            return Optional.empty();
        }
        return TypeReader.read(item, List.of("Property"), Optional.empty())
                .flatMap(raw -> capability.parse(item, CoTypes.classify(item, raw, CoTypes.Policy.CAPABILITY)))
                .map(Property.class::cast);
    }
}
