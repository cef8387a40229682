package org.opencentral.dtdl.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.Command;
import org.opencentral.dtdl.model.CommandPayload;
import org.opencentral.dtdl.model.CommandType;
import org.opencentral.dtdl.model.Content;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.Quantity;
import org.opencentral.dtdl.model.Schema;

/** Parses a Command with its request and response (v2 CommandPayload, v3 CommandRequest/CommandResponse). */
final class CommandParser {

    Optional<Content> parse(Element el, ElementTypes t) {
        Set<String> keys = Common.keys("name", "request", "response");
        if (el.scope().v2()) {
            keys.add("commandType");
        }
        if (el.scope().iotc()) {
            keys.add("durable");
        }
        el.checkKeys(keys, t.open(), "Command");
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.other());
        Optional<String> name = NameRules.read(el, "a Command");
        boolean v2 = el.scope().v2();
        Optional<CommandPayload> request = payload(el, "request", v2 ? "CommandPayload" : "CommandRequest");
        Optional<CommandPayload> response = payload(el, "response", v2 ? "CommandPayload" : "CommandResponse");
        Optional<CommandType> commandType = el.text("commandType").flatMap(value -> commandType(el, value));
        boolean durable = el.bool("durable").orElse(false);
        return name.map(n -> new Command(n, info, request, response, commandType, durable));
    }

    private static Optional<CommandType> commandType(Element el, String value) {
        Optional<CommandType> type = Arrays.stream(CommandType.values()).filter(c -> c.term().equals(value)).findFirst();
        if (type.isEmpty()) {
            el.child("commandType").error(DtdlErrorCode.PROPERTY_VALUE_INVALID,
                    "commandType must be 'synchronous' or 'asynchronous' (it is deprecated; both mean the same)");
        }
        return type;
    }

    private static Optional<CommandPayload> payload(Element command, String key, String kind) {
        if (!command.has(key)) {
            return Optional.empty();
        }
        Element el = command.child(key);
        if (!el.node().isObject()) {
            el.error(DtdlErrorCode.PROPERTY_VALUE_INVALID, "'" + key + "' must be a " + kind + " object");
            return Optional.empty();
        }
        Optional<TypeReader.Raw> raw = TypeReader.read(el, List.of(kind), Optional.of(kind));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        ElementTypes t = CoTypes.classify(el, raw.get(), CoTypes.Policy.QUANTITY);
        el.checkKeys(Common.keys("name", "schema", "unit"), t.open(), kind);
        ElementInfo info = Common.info(el, DtmiRules.USER_MAX, t.other());
        Optional<String> name = NameRules.read(el, "a " + kind);
        Optional<Schema> schema = el.session().schemaParser().required(el, "schema", "a " + kind);
        Optional<Quantity> quantity = QuantityReader.read(el, t, schema);
        if (name.isEmpty() || schema.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(command.session().locations().put(
                new CommandPayload(name.get(), info, schema.get(), quantity), el));
    }
}
