package org.opencentral.dtdl.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.EnumLiteral;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.EnumValue;
import org.opencentral.dtdl.model.ObjectField;
import org.opencentral.dtdl.model.GeoKind;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Schema;

/** jqwik generators: schemas (nested up to a depth) and values that fit a given schema. */
final class ValueGenerators {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ElementInfo NO_INFO = ElementInfo.empty();

    private ValueGenerators() {
    }

    static Arbitrary<Schema> schemas(int depth) {
        Arbitrary<Schema> leaf = Arbitraries.oneOf(List.of(
                Arbitraries.of(PrimitiveKind.values()).map(Primitive::new),
                enums(),
                Arbitraries.of(new IotcGeopoint(), new IotcVector()),
                Arbitraries.of(GeoKind.POINT, GeoKind.LINE_STRING, GeoKind.POLYGON).map(Geospatial::new)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Schema> inner = Arbitraries.lazy(() -> schemas(depth - 1));
        Arbitrary<Schema> object = inner.list().ofMinSize(1).ofMaxSize(4).map(ValueGenerators::object);
        Arbitrary<Schema> map = inner.map(v -> new MapSchema(NO_INFO, "key", "value", v, Optional.empty()));
        Arbitrary<Schema> array = inner.map(e -> new ArraySchema(NO_INFO, e));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, object),
                net.jqwik.api.Tuple.of(1, map), net.jqwik.api.Tuple.of(1, array));
    }

    private static Schema object(List<Schema> fieldSchemas) {
        List<ObjectField> fields = new ArrayList<>();
        for (int i = 0; i < fieldSchemas.size(); i++) {
            fields.add(new ObjectField("f" + i, NO_INFO, fieldSchemas.get(i), Optional.empty()));
        }
        return new ObjectSchema(NO_INFO, fields);
    }

    private static Arbitrary<Schema> enums() {
        Arbitrary<Schema> ints = Arbitraries.integers().list().uniqueElements().ofMinSize(1).ofMaxSize(5)
                .map(vs -> enumOf(PrimitiveKind.INTEGER, vs.stream().<EnumLiteral>map(EnumLiteral.IntegerValue::new).toList()));
        Arbitrary<Schema> strings = Arbitraries.strings().ofMaxLength(6).list().uniqueElements().ofMinSize(1).ofMaxSize(5)
                .map(vs -> enumOf(PrimitiveKind.STRING, vs.stream().<EnumLiteral>map(EnumLiteral.StringValue::new).toList()));
        return Arbitraries.oneOf(ints, strings);
    }

    private static Schema enumOf(PrimitiveKind kind, List<EnumLiteral> literals) {
        List<EnumValue> values = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            values.add(new EnumValue("v" + i, NO_INFO, literals.get(i)));
        }
        return new EnumSchema(NO_INFO, kind, values);
    }

    /** Values that conform to {@code schema}. */
    static Arbitrary<JsonNode> values(Schema schema) {
        return switch (schema) {
            case Primitive p -> primitive(p.kind());
            case EnumSchema e -> Arbitraries.of(e.values()).map(v -> switch (v.value()) {
                case EnumLiteral.IntegerValue i -> (JsonNode) NODES.numberNode(i.value());
                case EnumLiteral.StringValue s -> NODES.textNode(s.value());
            });
            case ObjectSchema o -> objectValues(o);
            case MapSchema m -> Arbitraries.maps(Arbitraries.strings().alpha().numeric().withChars('_', '-')
                    .ofMinLength(1).ofMaxLength(8), values(m.valueSchema())).ofMaxSize(3).map(ValueGenerators::toObject);
            case ArraySchema a -> values(a.elementSchema()).list().ofMaxSize(3).map(ValueGenerators::toArray);
            case IotcGeopoint g -> geopoints();
            case IotcVector v -> Arbitraries.doubles().list().ofSize(3)
                    .map(xyz -> (JsonNode) NODES.objectNode().put("x", xyz.get(0)).put("y", xyz.get(1)).put("z", xyz.get(2)));
            case Geospatial g -> geoJson(g.kind());
        };
    }

    private static Arbitrary<JsonNode> primitive(PrimitiveKind kind) {
        return switch (kind) {
            case BOOLEAN -> Arbitraries.of(true, false).map(NODES::booleanNode);
            case INTEGER -> Arbitraries.integers().map(NODES::numberNode);
            case LONG -> Arbitraries.longs().map(NODES::numberNode);
            case DOUBLE -> Arbitraries.doubles().map(NODES::numberNode);
            case FLOAT -> Arbitraries.floats().map(f -> NODES.numberNode((double) f));
            case STRING -> Arbitraries.strings().ofMaxLength(20).map(NODES::textNode);
            case DATE -> dates().map(NODES::textNode);
            case TIME -> times().map(NODES::textNode);
            case DATE_TIME -> Combinators.combine(dates(), times(), offsets()).as((d, t, o) -> d + "T" + t + o)
                    .map(NODES::textNode);
            case DURATION -> durations().map(NODES::textNode);
        };
    }

    private static Arbitrary<String> dates() {
        return Arbitraries.integers().between(0, 3_000_000).map(d -> java.time.LocalDate.of(1000, 1, 1).plusDays(d).toString());
    }

    private static Arbitrary<String> times() {
        return Combinators.combine(Arbitraries.integers().between(0, 86_399), Arbitraries.integers().between(0, 999),
                Arbitraries.of(true, false)).as((s, ms, frac) -> String.format("%02d:%02d:%02d%s", s / 3600, s / 60 % 60,
                s % 60, frac ? String.format(".%03d", ms) : ""));
    }

    private static Arbitrary<String> offsets() {
        return Arbitraries.of("Z", "+00:00", "-08:00", "+05:30", "z");
    }

    private static Arbitrary<String> durations() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 500);
        return Combinators.combine(n, n, n, n, n, n).as((y, mo, d, h, mi, s) -> {
            String date = (y > 250 ? y + "Y" : "") + (mo > 250 ? mo + "M" : "") + (d > 100 ? d + "D" : "");
            String time = (h > 250 ? h + "H" : "") + (mi > 250 ? mi + "M" : "") + (s > 250 ? s + "S" : "");
            return "P" + (date.isEmpty() && time.isEmpty() ? "1D" : date) + (time.isEmpty() ? "" : "T" + time);
        });
    }

    private static Arbitrary<JsonNode> objectValues(ObjectSchema o) {
        List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> fields = new ArrayList<>();
        for (ObjectField f : o.fields()) {
            fields.add(values(f.schema()).map(v -> Map.entry(f.name(), v)).optional());
        }
        return Combinators.combine(fields).as(entries -> {
            ObjectNode node = NODES.objectNode();
            entries.forEach(e -> e.ifPresent(kv -> node.set(kv.getKey(), kv.getValue())));
            return node;
        });
    }

    private static Arbitrary<JsonNode> geopoints() {
        return Combinators.combine(Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180),
                Arbitraries.doubles().between(-500, 9000).optional()).as((lat, lon, alt) -> {
                    ObjectNode node = NODES.objectNode().put("lat", lat).put("lon", lon);
                    alt.ifPresent(a -> node.put("alt", a));
                    return node;
                });
    }

    private static Arbitrary<JsonNode> geoJson(GeoKind kind) {
        Arbitrary<ArrayNode> position = Combinators.combine(Arbitraries.doubles().between(-180, 180),
                Arbitraries.doubles().between(-90, 90)).as((lon, lat) -> NODES.arrayNode().add(lon).add(lat));
        Arbitrary<JsonNode> coordinates = switch (kind) {
            case POINT -> position.map(p -> (JsonNode) p);
            case LINE_STRING -> position.list().ofMinSize(2).ofMaxSize(4).map(ValueGenerators::toArray);
            default -> position.list().ofSize(3).map(ring -> {
                ArrayNode closed = toArray(ring);
                closed.add(ring.get(0).deepCopy());
                return (JsonNode) NODES.arrayNode().add(closed);
            });
        };
        return coordinates.map(c -> NODES.objectNode().put("type", kind.geoJsonType()).set("coordinates", c));
    }

    private static JsonNode toObject(Map<String, JsonNode> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach(node::set);
        return node;
    }

    private static ArrayNode toArray(List<? extends JsonNode> items) {
        ArrayNode node = NODES.arrayNode();
        items.forEach(node::add);
        return node;
    }
}
