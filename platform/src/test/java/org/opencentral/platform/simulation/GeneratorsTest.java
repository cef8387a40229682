package org.opencentral.platform.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
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
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Quantity;

/** The value generators over many seeds: values stay plausible, in range and smooth. */
class GeneratorsTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Optional<Quantity> CELSIUS = Optional.of(new Quantity("Temperature", "TemperatureUnit", "degreeCelsius"));
    static final int STEPS = 500;

    @Test
    void temperaturesInCelsiusWalkSmoothlyBetween15And30() {
        seeds().forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Generator walk = Generators.of(Primitive.of(PrimitiveKind.DOUBLE), CELSIUS);
            double previous = walk.next(random, NOW).asDouble();
            for (int i = 0; i < STEPS; i++) {
                double value = walk.next(random, NOW).asDouble();
                assertThat(value).isBetween(15.0, 30.0);
                assertThat(Math.abs(value - previous)).isLessThanOrEqualTo(NumberWalk.MAX_STEP * 15 + 0.01);
                previous = value;
            }
        });
    }

    @Test
    void rangesFollowTheSemanticTypeAndUnit() {
        assertThat(Range.of(CELSIUS)).isEqualTo(new Range(15, 30));
        assertThat(Range.of(Optional.of(new Quantity("Temperature", "TemperatureUnit", "degreeFahrenheit"))))
                .isEqualTo(new Range(59, 86));
        assertThat(Range.of(Optional.of(new Quantity("Humidity", "DensityUnit", "percent")))).isEqualTo(new Range(30, 70));
        assertThat(Range.of(Optional.empty())).isEqualTo(Range.DEFAULT);
    }

    @Test
    void integersAreWholeNumbersInRange() {
        seeds().forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Generator walk = Generators.of(Primitive.of(PrimitiveKind.INTEGER), Optional.empty());
            for (int i = 0; i < STEPS; i++) {
                JsonNode value = walk.next(random, NOW);
                assertThat(value.isIntegralNumber()).isTrue();
                assertThat(value.asLong()).isBetween(0L, 100L);
            }
        });
    }

    @Test
    void enumsUseOnlyTheirValuesAndVisitAllOfThem() {
        EnumSchema modes = new EnumSchema(ElementInfo.empty(), PrimitiveKind.STRING, List.of(
                literal("off", "OFF"), literal("heat", "HEAT"), literal("cool", "COOL")));
        seeds().forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Generator modeGenerator = Generators.of(modes, Optional.empty());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < STEPS; i++) {
                seen.add(modeGenerator.next(random, NOW).asText());
            }
            assertThat(seen).containsExactlyInAnyOrder("OFF", "HEAT", "COOL");
        });
    }

    @Test
    void geopointsMoveInSmallStepsAndStayOnEarth() {
        seeds().forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Generator track = Generators.of(new IotcGeopoint(), Optional.empty());
            JsonNode previous = track.next(random, NOW);
            for (int i = 0; i < STEPS; i++) {
                JsonNode point = track.next(random, NOW);
                assertThat(point.path("lat").asDouble()).isBetween(-90.0, 90.0);
                assertThat(point.path("lon").asDouble()).isBetween(-180.0, 180.0);
                assertThat(point.has("alt")).isTrue();
                double moved = Math.hypot(point.path("lat").asDouble() - previous.path("lat").asDouble(),
                        point.path("lon").asDouble() - previous.path("lon").asDouble());
                assertThat(moved).isLessThanOrEqualTo(GeoTrack.STEP_DEGREES * 1.01);
                previous = point;
            }
        });
    }

    @Test
    void geospatialPointsAreGeoJson() {
        JsonNode point = Generators.of(new Geospatial(GeoKind.POINT), Optional.empty()).next(new SplittableRandom(1), NOW);
        assertThat(point.path("type").asText()).isEqualTo("Point");
        assertThat(point.path("coordinates")).hasSize(2);
        JsonNode polygon = Generators.of(new Geospatial(GeoKind.POLYGON), Optional.empty())
                .next(new SplittableRandom(1), NOW);
        assertThat(polygon.at("/coordinates/0")).hasSize(4);
        assertThat(polygon.at("/coordinates/0/0")).isEqualTo(polygon.at("/coordinates/0/3"));
    }

    @Test
    void objectsVectorsAndArraysAreGeneratedPartByPart() {
        ObjectSchema report = new ObjectSchema(ElementInfo.empty(), List.of(
                new ObjectField("maxTemp", ElementInfo.empty(), Primitive.of(PrimitiveKind.DOUBLE), CELSIUS),
                new ObjectField("on", ElementInfo.empty(), Primitive.of(PrimitiveKind.BOOLEAN), Optional.empty()),
                new ObjectField("at", ElementInfo.empty(), Primitive.of(PrimitiveKind.DATE_TIME), Optional.empty())));
        SplittableRandom random = new SplittableRandom(7);
        JsonNode value = Generators.of(report, Optional.empty()).next(random, NOW);
        assertThat(value.path("maxTemp").asDouble()).isBetween(15.0, 30.0);
        assertThat(value.path("on").isBoolean()).isTrue();
        assertThat(Instant.parse(value.path("at").asText())).isEqualTo(NOW);
        JsonNode vector = Generators.of(new IotcVector(), Optional.empty()).next(random, NOW);
        assertThat(vector.path("x").isNumber() && vector.path("y").isNumber() && vector.path("z").isNumber()).isTrue();
        JsonNode array = Generators.of(new ArraySchema(ElementInfo.empty(), Primitive.of(PrimitiveKind.STRING)),
                Optional.empty()).next(random, NOW);
        assertThat(array).hasSize(Generators.ARRAY_LENGTH);
    }

    @Test
    void theSameSeedGivesTheSameValues() {
        Generator a = Generators.of(Primitive.of(PrimitiveKind.DOUBLE), CELSIUS);
        Generator b = Generators.of(Primitive.of(PrimitiveKind.DOUBLE), CELSIUS);
        SplittableRandom ra = new SplittableRandom(42);
        SplittableRandom rb = new SplittableRandom(42);
        for (int i = 0; i < 10; i++) {
            assertThat(a.next(ra, NOW)).isEqualTo(b.next(rb, NOW));
        }
    }

    private static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    private static EnumValue literal(String name, String value) {
        return new EnumValue(name, ElementInfo.empty(), new EnumLiteral.StringValue(value));
    }
}
