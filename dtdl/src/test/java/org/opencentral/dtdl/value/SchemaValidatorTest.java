package org.opencentral.dtdl.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencentral.dtdl.model.ElementInfo;
import org.opencentral.dtdl.model.EnumLiteral;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.EnumValue;
import org.opencentral.dtdl.model.ObjectField;
import org.opencentral.dtdl.model.IotcGeopoint;
import org.opencentral.dtdl.model.MapSchema;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.model.Schema;

class SchemaValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "integer  | 2147483647                  | ",
        "integer  | 2147483648                  | OUT_OF_RANGE",
        "integer  | 3.0                         | ",
        "integer  | 3.5                         | TYPE_MISMATCH",
        "long     | 9223372036854775808         | OUT_OF_RANGE",
        "integer  | 6666E66666                  | OUT_OF_RANGE",
        "long     | -1e400                      | OUT_OF_RANGE",
        "float    | 1e39                        | OUT_OF_RANGE",
        "double   | \"1.5\"                     | TYPE_MISMATCH",
        "boolean  | 1                           | TYPE_MISMATCH",
        "date     | \"2024-02-29\"              | ",
        "date     | \"2023-02-29\"              | INVALID_FORMAT",
        "dateTime | \"2024-05-31T13:45:00.123Z\" | ",
        "dateTime | \"2024-05-31T13:45:00\"     | INVALID_FORMAT",
        "time     | \"13:45:00+02:00\"          | ",
        "time     | \"25:00:00\"                | INVALID_FORMAT",
        "duration | \"PT1H30M\"                 | ",
        "duration | \"P\"                       | INVALID_FORMAT",
        "duration | \"PT\"                      | INVALID_FORMAT",
        "string   | null                        | TYPE_MISMATCH"
    })
    void primitives(String term, String json, String code) throws Exception {
        Schema schema = Primitive.of(PrimitiveKind.ofTerm(term).orElseThrow());
        List<ValueError> errors = SchemaValidator.validate(schema, JSON.readTree(json));
        if (code == null) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(ValueErrorCode.valueOf(code));
                assertThat(e.pointer()).isEmpty();
            });
        }
    }

    @Test
    void reportsEveryErrorWithItsPointer() throws Exception {
        EnumSchema mode = new EnumSchema(ElementInfo.empty(), PrimitiveKind.STRING,
                List.of(new EnumValue("eco", ElementInfo.empty(), new EnumLiteral.StringValue("eco"))));
        ObjectSchema settings = new ObjectSchema(ElementInfo.empty(), List.of(
                new ObjectField("mode", ElementInfo.empty(), mode, Optional.empty()),
                new ObjectField("where", ElementInfo.empty(), new IotcGeopoint(), Optional.empty()),
                new ObjectField("limits", ElementInfo.empty(), new MapSchema(ElementInfo.empty(), "k", "v",
                        Primitive.of(PrimitiveKind.INTEGER), Optional.empty()), Optional.empty())));
        JsonNode value = JSON.readTree("""
                {"mode": "turbo", "where": {"lat": 91, "lon": 10, "height": 3},
                 "limits": {"a.b": 1, "c": "x"}, "extra": true}""");

        assertThat(SchemaValidator.validate(settings, value))
                .extracting(ValueError::pointer, ValueError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/mode", ValueErrorCode.NOT_IN_ENUM),
                        org.assertj.core.groups.Tuple.tuple("/where/height", ValueErrorCode.UNKNOWN_FIELD),
                        org.assertj.core.groups.Tuple.tuple("/where/lat", ValueErrorCode.OUT_OF_RANGE),
                        org.assertj.core.groups.Tuple.tuple("/limits/a.b", ValueErrorCode.INVALID_KEY),
                        org.assertj.core.groups.Tuple.tuple("/limits/c", ValueErrorCode.TYPE_MISMATCH),
                        org.assertj.core.groups.Tuple.tuple("/extra", ValueErrorCode.UNKNOWN_FIELD));
    }
}
