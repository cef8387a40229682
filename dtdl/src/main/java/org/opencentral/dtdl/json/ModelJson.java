package org.opencentral.dtdl.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.dtdl.model.Command;
import org.opencentral.dtdl.model.CommandPayload;
import org.opencentral.dtdl.model.Component;
import org.opencentral.dtdl.model.Content;
import org.opencentral.dtdl.model.Dtmi;
import org.opencentral.dtdl.model.Interface;
import org.opencentral.dtdl.model.Property;
import org.opencentral.dtdl.model.Relationship;
import org.opencentral.dtdl.model.Telemetry;

/** Renders an expanded {@link Interface} as canonical, pretty-printed JSON (LF, two-space indent). */
public final class ModelJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModelJson() {
    }

    public static String render(Interface model) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(toJson(model)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render model " + model.id(), e);
        }
    }

    public static ObjectNode toJson(Interface model) {
        ObjectNode json = NODES.objectNode();
        json.put("@id", model.id().value());
        json.put("@type", "Interface");
        json.put("dtdlVersion", model.version().name());
        model.namedInterfaceName().ifPresent(n -> json.put("name", n));
        Parts.info(json, model.info());
        if (!model.extendsIds().isEmpty()) {
            ArrayNode parents = json.putArray("extends");
            model.extendsIds().stream().map(Dtmi::value).forEach(parents::add);
        }
        ArrayNode contents = json.putArray("contents");
        model.contents().forEach(c -> contents.add(content(c)));
        if (!model.schemas().isEmpty()) {
            ArrayNode schemas = json.putArray("schemas");
            model.schemas().forEach(s -> schemas.add(SchemaJson.toJson(s)));
        }
        return json;
    }

    static ObjectNode content(Content content) {
        ObjectNode json = NODES.objectNode();
        json.put("@type", switch (content) {
            case Telemetry t -> "Telemetry";
            case Property p -> "Property";
            case Command c -> "Command";
            case Component c -> "Component";
            case Relationship r -> "Relationship";
        });
        json.put("name", content.name());
        Parts.info(json, content.info());
        switch (content) {
            case Telemetry t -> Parts.capability(json, t.schema(), t.quantity(), t.iotc());
            case Property p -> property(json, p);
            case Command c -> command(json, c);
            case Component c -> json.set("schema", toJson(c.schema()));
            case Relationship r -> relationship(json, r);
        }
        return json;
    }

    private static void property(ObjectNode json, Property p) {
        json.put("writable", p.writable());
        Parts.capability(json, p.schema(), p.quantity(), p.iotc());
    }

    private static void command(ObjectNode json, Command c) {
        c.commandType().ifPresent(t -> json.put("commandType", t.term()));
        if (c.durable()) {
            json.put("durable", true);
        }
        c.request().ifPresent(r -> json.set("request", payload(r)));
        c.response().ifPresent(r -> json.set("response", payload(r)));
    }

    private static ObjectNode payload(CommandPayload payload) {
        ObjectNode json = NODES.objectNode();
        json.put("name", payload.name());
        Parts.info(json, payload.info());
        json.set("schema", SchemaJson.toJson(payload.schema()));
        payload.quantity().ifPresent(q -> Parts.quantity(json, q));
        return json;
    }

    private static void relationship(ObjectNode json, Relationship r) {
        r.target().ifPresent(t -> json.put("target", t.value()));
        r.minMultiplicity().ifPresent(m -> json.put("minMultiplicity", m));
        r.maxMultiplicity().ifPresent(m -> json.put("maxMultiplicity", m));
        json.put("writable", r.writable());
        if (!r.properties().isEmpty()) {
            ArrayNode properties = json.putArray("properties");
            r.properties().forEach(p -> properties.add(content(p)));
        }
    }
}
