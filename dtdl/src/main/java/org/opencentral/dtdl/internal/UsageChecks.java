package org.opencentral.dtdl.internal;

import java.util.List;
import java.util.Optional;
import org.opencentral.dtdl.DtdlErrorCode;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.Command;
import org.opencentral.dtdl.model.Component;
import org.opencentral.dtdl.model.Content;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.Property;
import org.opencentral.dtdl.model.Relationship;
import org.opencentral.dtdl.model.Schema;
import org.opencentral.dtdl.model.Telemetry;

/**
 * Checks on how an interface's own contents and schemas use resolved schemas and interfaces:
 * complex schema depth ({@link SchemaDepth}), arrays in v2 Property schemas (also inside Objects and
 * Maps, and via schema references), and nested components.
 */
final class UsageChecks {

    private UsageChecks() {
    }

    static void check(Element el, List<Content> own, List<Schema> schemas) {
        schemas.forEach(schema -> depth(el, schema, el.pointer() + "/schemas"));
        for (Content content : own) {
            String at = el.session().locations().of(content).map(Locations.Loc::pointer).orElse(el.pointer());
            switch (content) {
                case Telemetry t -> depth(el, t.schema(), at + "/schema");
                case Property p -> property(el, p, at);
                case Command c -> {
                    c.request().ifPresent(r -> depth(el, r.schema(), at + "/request/schema"));
                    c.response().ifPresent(r -> depth(el, r.schema(), at + "/response/schema"));
                }
                case Component c -> nested(el, c, at);
                case Relationship r -> relationship(el, r, at);
            }
        }
    }

    private static void relationship(Element el, Relationship r, String at) {
        for (Property p : r.properties()) {
            String pointer = el.session().locations().of(p).map(Locations.Loc::pointer).orElse(at + "/properties");
            property(el, p, pointer);
        }
    }

    private static void property(Element el, Property p, String at) {
        depth(el, p.schema(), at + "/schema");
        if (el.scope().v2()) {
            arrayIn(p.schema()).ifPresent(found -> report(el, found, at, "Property '" + p.name() + "' has "
                    + (found instanceof ArraySchema ? "an Array" : "a geospatial schema (an array in JSON)")
                    + " in its schema; DTDL v2 does not allow arrays in Property schemas, not even inside an"
                    + " Object or a Map (use DTDL v3, or an Object or Map instead)"));
        }
    }

    private static void report(Element el, Schema found, String propertyPointer, String message) {
        String fallback = propertyPointer + "/schema";
        String pointer = el.session().locations().of(found)
                .filter(loc -> loc.document().equals(el.scope().location()) && loc.pointer().startsWith(fallback))
                .map(Locations.Loc::pointer)
                .orElse(fallback);
        el.session().errors().add(el.scope().location(), pointer, DtdlErrorCode.ARRAY_IN_V2_PROPERTY, message);
    }

    private static void nested(Element el, Component c, String at) {
        List<String> inner = c.schema().components().stream().map(Component::name).toList();
        if (!inner.isEmpty()) {
            el.session().errors().add(el.scope().location(), at + "/schema", DtdlErrorCode.COMPONENT_NESTED,
                    "component '" + c.name() + "' uses " + c.schema().id() + ", which itself has component(s) "
                            + inner + "; components cannot nest");
        }
    }

    /** Reported once, at the outermost complex schema itself (inline, or where a referenced one is defined). */
    private static void depth(Element el, Schema schema, String fallback) {
        int members = SchemaDepth.members(schema);
        if (members > SchemaDepth.MAX_MEMBERS) {
            Locations.Loc at = el.session().locations().of(schema)
                    .orElse(new Locations.Loc(el.scope().location(), fallback));
            el.session().errors().add(at.document(), at.pointer(), DtdlErrorCode.SCHEMA_DEPTH, "complex schema nested"
                    + " too deep: a path below it has " + members + " 'elementSchema' or 'schema' members; the limit"
                    + " is " + SchemaDepth.MAX_MEMBERS);
        }
    }

    /** The first Array or geospatial schema inside {@code schema}, depth first. */
    static Optional<Schema> arrayIn(Schema schema) {
        return switch (schema) {
            case ArraySchema a -> Optional.of(a);
            case Geospatial g -> Optional.of(g);
            case Primitive p -> Optional.empty();
            case IotcGeopoint g -> Optional.empty();
            case IotcVector v -> Optional.empty();
            case EnumSchema e -> Optional.empty();
            case MapSchema m -> arrayIn(m.valueSchema());
            case ObjectSchema o -> o.fields().stream().map(f -> arrayIn(f.schema()))
                    .flatMap(Optional::stream).findFirst();
        };
    }

}
