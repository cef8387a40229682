package org.opencentral.dtdl.internal;

import java.util.List;
import java.util.Optional;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.Component;
import org.opencentral.dtdl.model.Content;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.Interface;

/** Dispatches an element of {@code contents} to the parser of its kind; parses Components itself. */
final class ContentParser {

    private static final List<String> KINDS = List.of("Telemetry", "Property", "Command", "Component", "Relationship");

    private final CapabilityParser capability = new CapabilityParser();
    private final CommandParser command = new CommandParser();
    private final RelationshipParser relationship = new RelationshipParser(capability);

    Optional<Content> parse(Element el) {
        if (!el.node().isObject()) {
            el.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "'contents' items must be JSON objects");
            return Optional.empty();
        }
        Optional<TypeReader.Raw> raw = TypeReader.read(el, KINDS, Optional.empty());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<Content> content = switch (raw.get().material()) {
            case "Telemetry", "Property" ->
                    capability.parse(el, CoTypes.classify(el, raw.get(), CoTypes.Policy.CAPABILITY));
            case "Command" -> command.parse(el, CoTypes.classify(el, raw.get(), CoTypes.Policy.NONE));
            case "Component" -> component(el, CoTypes.classify(el, raw.get(), CoTypes.Policy.NONE));
            default -> relationship.parse(el, CoTypes.classify(el, raw.get(), CoTypes.Policy.NONE));
        };
        return content.map(c -> el.session().locations().put(c, el));
    }

    private static Optional<Content> component(Element el, ElementTypes types) {
        el.checkKeys(Common.keys("name", "schema"), types.open(), "Component");
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, types.other());
        Optional<String> name = NameRules.read(el, "a Component");
        Optional<Interface> schema = Optional.empty();
        Element at = el.child("schema");
        if (!el.has("schema")) {
            el.error(DtdlErrorCode.PROPERTY_REQUIRED, "a Component requires 'schema' (an Interface DTMI or an Interface)");
        } else if (at.node().isTextual()) {
            String ref = at.node().textValue();
            schema = DtmiRules.check(at, ref, DtmiRules.INTERFACE_MAX, false)
                    .flatMap(d -> el.session().resolveInterface(ref, at));
        } else if (at.node().isObject()) {
            schema = el.session().interfaceParser().parse(at);
        } else {
            at.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "a Component's schema must be an Interface DTMI or an Interface");
        }
        if (name.isEmpty() || schema.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Component(name.get(), info, schema.get()));
    }
}
