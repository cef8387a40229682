package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.EnumLiteral;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.ObjectField;
import org.opencentral.dtdl.model.Geospatial;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.IotcVector;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Schema;

/**
 * Brings a value into its schema's canonical form before it is validated: numbers sent as strings
 * become numbers, whole numbers for integer schemas lose their fraction ({@code 21.0} → {@code 21}),
 * {@code "true"}/{@code "false"} become booleans, dateTimes become UTC instants (epoch milliseconds
 * too), an enum given by its name becomes its value, geopoint and vector members become numbers,
 * and objects, maps and arrays are normalized member by member. What cannot be normalized is
 * returned unchanged (the validator then says why it does not fit). Pure.
 */
final class ValueNormalizer {
    private ValueNormalizer() {
    }

    static JsonNode normalize(Schema schema, JsonNode value) {
        return switch (schema) {
            case Primitive p -> primitive(p.kind(), value);
            case EnumSchema e -> enumeration(e, value);
            case ObjectSchema o -> object(o, value);
            case MapSchema m -> map(m, value);
            case ArraySchema a -> array(a, value);
            case IotcGeopoint g -> numericMembers(value);
            case IotcVector v -> numericMembers(value);
            case Geospatial g -> value;
        };
    }

    private static JsonNode primitive(PrimitiveKind kind, JsonNode value) {
        return switch (kind) {
            case INTEGER, LONG -> number(value).map(ValueNormalizer::wholeIfPossible).orElse(value);
            case DOUBLE, FLOAT -> number(value).<JsonNode>map(DecimalNode::valueOf).map(ValueNormalizer::compact)
                    .orElse(value);
            case BOOLEAN -> value.isTextual() && (value.asText().equalsIgnoreCase("true")
                    || value.asText().equalsIgnoreCase("false"))
                    ? BooleanNode.valueOf(value.asText().equalsIgnoreCase("true")) : value;
            case DATE_TIME -> dateTime(value);
            case DATE, TIME, DURATION, STRING -> value;
        };
    }

    /** Empty for a value beyond a double (JSON's {@code 1e400} parses to infinity): left for the validator. */
    private static Optional<BigDecimal> number(JsonNode value) {
        if (value.isNumber()) {
            return value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())
                    ? Optional.empty() : Optional.of(value.decimalValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(new BigDecimal(value.asText().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static JsonNode wholeIfPossible(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return LongNode.valueOf(stripped.longValueExact());
        }
        return DecimalNode.valueOf(number);
    }

    /** A double stays a double node when it round-trips, so {@code 21.5} is written as {@code 21.5}. */
    private static JsonNode compact(JsonNode decimal) {
        double d = decimal.doubleValue();
        return Double.isFinite(d) ? com.fasterxml.jackson.databind.node.DoubleNode.valueOf(d) : decimal;
    }

    private static JsonNode dateTime(JsonNode value) {
        if (value.isIntegralNumber()) {
            return TextNode.valueOf(Instant.ofEpochMilli(value.asLong()).toString());
        }
        if (value.isTextual()) {
            try {
                return TextNode.valueOf(OffsetDateTime.parse(value.asText().toUpperCase(Locale.ROOT)).toInstant()
                        .toString());
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    private static JsonNode enumeration(EnumSchema e, JsonNode value) {
        JsonNode primitive = primitive(e.valueSchema(), value);
        if (value.isTextual()) {
            for (var v : e.values()) {
                boolean isValue = v.value() instanceof EnumLiteral.StringValue s && s.value().equals(value.asText());
                if (!isValue && v.name().equals(value.asText())) {
                    return switch (v.value()) {
                        case EnumLiteral.StringValue s -> TextNode.valueOf(s.value());
                        case EnumLiteral.IntegerValue i -> LongNode.valueOf(i.value());
                    };
                }
            }
        }
        return primitive;
    }

    private static JsonNode object(ObjectSchema o, JsonNode value) {
        if (!(value instanceof ObjectNode object)) {
            return value;
        }
        ObjectNode out = object.deepCopy();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            Optional<ObjectField> field = o.field(member.getKey());
            field.ifPresent(f -> out.set(member.getKey(), normalize(f.schema(), member.getValue())));
        }
        return out;
    }

    private static JsonNode map(MapSchema m, JsonNode value) {
        if (!(value instanceof ObjectNode object)) {
            return value;
        }
        ObjectNode out = object.deepCopy();
        object.properties().forEach(e -> out.set(e.getKey(), normalize(m.valueSchema(), e.getValue())));
        return out;
    }

    private static JsonNode array(ArraySchema a, JsonNode value) {
        if (!(value instanceof ArrayNode array)) {
            return value;
        }
        ArrayNode out = array.arrayNode();
        array.forEach(element -> out.add(normalize(a.elementSchema(), element)));
        return out;
    }

    private static JsonNode numericMembers(JsonNode value) {
        if (!(value instanceof ObjectNode object)) {
            return value;
        }
        ObjectNode out = object.deepCopy();
        object.properties().forEach(e -> out.set(e.getKey(), number(e.getValue())
                .<JsonNode>map(n -> com.fasterxml.jackson.databind.node.DoubleNode.valueOf(n.doubleValue()))
                .orElse(e.getValue())));
        return out;
    }
}
