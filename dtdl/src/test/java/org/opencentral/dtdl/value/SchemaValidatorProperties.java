package org.opencentral.dtdl.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Schema;

/** Values generated from a schema always validate; a value with one part of the wrong JSON type never does. */
class SchemaValidatorProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> OF_EVERY_TYPE = List.of(NODES.booleanNode(true), NODES.numberNode(7),
            NODES.textNode("x"), NODES.arrayNode(), NODES.objectNode(), NODES.nullNode());

    @Provide
    Arbitrary<Tuple2<Schema, JsonNode>> schemaAndValue() {
        return ValueGenerators.schemas(3).flatMap(s -> ValueGenerators.values(s).map(v -> Tuple.of(s, v)));
    }

    @Property(tries = 300)
    void generatedValuesAlwaysValidate(@ForAll("schemaAndValue") Tuple2<Schema, JsonNode> example) {
        assertThat(SchemaValidator.validate(example.get1(), example.get2())).isEmpty();
    }

    @Property(tries = 300)
    void valuesWithAPartOfTheWrongTypeAlwaysFail(@ForAll("schemaAndValue") Tuple2<Schema, JsonNode> example,
            @ForAll Random random) {
        JsonNode mutated = mutate(example.get1(), example.get2(), random);
        assertThat(SchemaValidator.validate(example.get1(), mutated)).isNotEmpty();
    }

    /** Replaces the value, or (half the time) one member or element inside it, by a value of another JSON type. */
    private static JsonNode mutate(Schema schema, JsonNode value, Random random) {
        boolean descend = random.nextBoolean() && value.size() > 0;
        return switch (schema) {
            case ObjectSchema o when descend -> {
                String name = pick(value.fieldNames(), random);
                Schema field = o.field(name).orElseThrow().schema();
                yield ((ObjectNode) value.deepCopy()).set(name, mutate(field, value.get(name), random));
            }
            case MapSchema m when descend -> {
                String key = pick(value.fieldNames(), random);
                yield ((ObjectNode) value.deepCopy()).set(key, mutate(m.valueSchema(), value.get(key), random));
            }
            case ArraySchema a when descend -> {
                int i = random.nextInt(value.size());
                var copy = (com.fasterxml.jackson.databind.node.ArrayNode) value.deepCopy();
                copy.set(i, mutate(a.elementSchema(), value.get(i), random)); // returns the old element
                yield copy;
            }
            default -> wrongType(schema, random);
        };
    }

    private static JsonNode wrongType(Schema schema, Random random) {
        JsonNodeType accepted = acceptedType(schema);
        List<JsonNode> wrong = OF_EVERY_TYPE.stream().filter(n -> n.getNodeType() != accepted).toList();
        return wrong.get(random.nextInt(wrong.size()));
    }

    private static JsonNodeType acceptedType(Schema schema) {
        return switch (schema) {
            case Primitive p -> p.kind() == PrimitiveKind.BOOLEAN ? JsonNodeType.BOOLEAN
                    : p.kind().numeric() ? JsonNodeType.NUMBER : JsonNodeType.STRING;
            case EnumSchema e -> e.valueSchema() == PrimitiveKind.INTEGER ? JsonNodeType.NUMBER : JsonNodeType.STRING;
            case ArraySchema a -> JsonNodeType.ARRAY;
            case ObjectSchema o -> JsonNodeType.OBJECT;
            case MapSchema m -> JsonNodeType.OBJECT;
            case IotcGeopoint g -> JsonNodeType.OBJECT;
            case IotcVector v -> JsonNodeType.OBJECT;
            case Geospatial g -> JsonNodeType.OBJECT;
        };
    }

    private static String pick(Iterator<String> names, Random random) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all.get(random.nextInt(all.size()));
    }
}
