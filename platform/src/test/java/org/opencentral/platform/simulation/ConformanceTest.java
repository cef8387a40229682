package org.opencentral.platform.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
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
import org.opencentral.dtdl.value.SchemaValidator;

/** Every generated value is valid for its schema, as the platform's own validator sees it. */
class ConformanceTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void generatedValuesPassTheSchemaValidator() {
        for (Schema schema : schemas()) {
            Generator generator = Generators.of(schema, Optional.empty());
            SplittableRandom random = new SplittableRandom(schema.hashCode());
            for (int i = 0; i < 100; i++) {
                JsonNode value = generator.next(random, NOW);
                assertThat(SchemaValidator.validate(schema, value)).as("%s: %s", schema, value).isEmpty();
            }
        }
    }

    private static List<Schema> schemas() {
        List<Schema> all = new ArrayList<>();
        for (PrimitiveKind kind : PrimitiveKind.values()) {
            all.add(Primitive.of(kind));
        }
        for (GeoKind kind : GeoKind.values()) {
            all.add(new Geospatial(kind));
        }
        all.add(new IotcGeopoint());
        all.add(new IotcVector());
        all.add(new EnumSchema(ElementInfo.empty(), PrimitiveKind.INTEGER, List.of(
                new EnumValue("low", ElementInfo.empty(), new EnumLiteral.IntegerValue(1)),
                new EnumValue("high", ElementInfo.empty(), new EnumLiteral.IntegerValue(2)))));
        all.add(new ObjectSchema(ElementInfo.empty(), List.of(
                new ObjectField("a", ElementInfo.empty(), Primitive.of(PrimitiveKind.FLOAT), Optional.empty()),
                new ObjectField("b", ElementInfo.empty(), new IotcGeopoint(), Optional.empty()))));
        all.add(new MapSchema(ElementInfo.empty(), "sensor", "reading", Primitive.of(PrimitiveKind.LONG),
                Optional.empty()));
        all.add(new ArraySchema(ElementInfo.empty(), Primitive.of(PrimitiveKind.BOOLEAN)));
        return all;
    }
}
