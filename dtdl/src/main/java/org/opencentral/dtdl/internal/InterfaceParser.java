package org.opencentral.dtdl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.Content;
import org.opencentral.dtdl.model.Dtmi;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.Interface;
import org.opencentral.dtdl.model.Schema;

/** Parses and expands an Interface: extends, schemas, contents, then the interface-wide checks. */
final class InterfaceParser {

    private static final Set<String> KEYS = Common.keys("contents", "extends", "schemas");
    private static final int MAX_EXTENDS_V2 = 2;
    private static final int MAX_DEPTH = 10;
    private static final int MAX_HIERARCHY_V3 = 1024;

    Optional<Interface> parse(Element el) {
        return parse(el, el);
    }

    /** Parses the Interface at {@code el}; a cycle is reported at {@code referrer}. */
    Optional<Interface> parse(Element el, Element referrer) {
        Optional<TypeReader.Raw> raw = TypeReader.read(el, List.of("Interface"), Optional.empty());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        ElementTypes types = CoTypes.classify(el, raw.get(), CoTypes.Policy.INTERFACE);
        Optional<String> id = el.requiredText("@id", "an Interface");
        if (id.isEmpty()) {
            body(el, types);
            return Optional.empty();
        }
        return el.session().interfaces().define(id.get(), referrer, () -> body(el, types));
    }

    private Optional<Interface> body(Element el, ElementTypes types) {
        Set<String> keys = types.namedInterface() ? Common.keys("contents", "extends", "schemas", "name") : KEYS;
        el.checkKeys(keys, types.open(), "Interface");
        ElementInfo info = Common.info(el, DtmiRules.INTERFACE_MAX, types.other());
        Optional<String> named = types.namedInterface() ? NameRules.read(el, "a NamedInterface") : Optional.empty();
        List<Interface> parents = parents(el);
        List<Schema> schemas = schemas(el);
        List<Content> own = new ArrayList<>();
        el.items("contents").forEach(item -> el.session().contentParser().parse(item).ifPresent(own::add));
        if (info.id().isEmpty()) {
            return Optional.empty();
        }
        Dtmi id = info.id().get();
        checkHierarchy(el, id, parents);
        SizeChecks.check(el);
        List<Content> contents = InterfaceChecks.expand(el, parents, own);
        UsageChecks.check(el, own, schemas);
        List<Dtmi> parentIds = parents.stream().map(Interface::id).toList();
        return Optional.of(new Interface(id, el.version(), info, parentIds, contents, schemas, named));
    }

    private List<Interface> parents(Element el) {
        List<Element> items = el.items("extends");
        if (el.scope().v2() && items.size() > MAX_EXTENDS_V2) {
            el.child("extends").error(DtdlErrorCode.EXTENDS_LIMIT, "an Interface may extend at most " + MAX_EXTENDS_V2
                    + " interfaces in DTDL v2; this one extends " + items.size());
        }
        List<Interface> parents = new ArrayList<>();
        for (Element item : items) {
            if (item.node().isTextual()) {
                String ref = item.node().textValue();
                DtmiRules.check(item, ref, DtmiRules.INTERFACE_MAX, false)
                        .flatMap(d -> item.session().resolveInterface(ref, item))
                        .ifPresent(parents::add);
            } else if (item.node().isObject()) {
                parse(item).ifPresent(parents::add);
            } else {
                item.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "'extends' items must be Interface DTMIs or Interfaces");
            }
        }
        return parents;
    }

    private static List<Schema> schemas(Element el) {
        List<Schema> schemas = new ArrayList<>();
        for (Element item : el.items("schemas")) {
            if (!item.node().isObject()) {
                item.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "'schemas' items must be Array, Enum, Map or Object definitions");
            } else if (!item.has("@id")) {
                item.error(DtdlErrorCode.PROPERTY_REQUIRED, "an interface schema requires '@id' so that it can be referenced");
            } else {
                item.session().schemaParser().complex(item, item).ifPresent(schemas::add);
            }
        }
        return schemas;
    }

    private static void checkHierarchy(Element el, Dtmi id, List<Interface> parents) {
        Hierarchy hierarchy = el.session().hierarchy();
        int depth = hierarchy.record(id.value(), parents);
        if (depth > MAX_DEPTH) {
            el.child("extends").error(DtdlErrorCode.EXTENDS_DEPTH, "extends is " + depth + " levels deep; the limit is "
                    + MAX_DEPTH);
        }
        int count = hierarchy.ancestorCount(id.value());
        if (!el.scope().v2() && count > MAX_HIERARCHY_V3) {
            el.child("extends").error(DtdlErrorCode.EXTENDS_LIMIT, count + " interfaces in the extends hierarchy; the limit"
                    + " is " + MAX_HIERARCHY_V3);
        }
    }
}
