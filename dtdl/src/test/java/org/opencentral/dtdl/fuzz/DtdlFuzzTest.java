package org.opencentral.dtdl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.opencentral.dtdl.DtdlError;
import org.opencentral.dtdl.DtdlParser;
import org.opencentral.dtdl.ParseResult;
import org.opencentral.dtdl.model.Interface;
import org.opencentral.dtdl.model.Telemetry;
import org.opencentral.dtdl.value.SchemaValidator;
import org.opencentral.dtdl.value.ValueError;

/**
 * Fuzzes the DTDL parser and the value validator through their public entry points. The parser
 * documents no exception at all: whatever the document, it answers a {@link ParseResult} whose
 * errors say what is wrong. The value validator answers a list of value errors for any JSON value.
 * Anything thrown is a finding. The seed corpus is in {@code DtdlFuzzTestInputs/<method>/}; without
 * {@code JAZZER_FUZZ} these tests run the corpus as regression tests.
 */
class DtdlFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A model with a schema of every kind the validator knows, to check fuzzed values against. */
    private static final String SCHEMAS_MODEL = """
            {"@context": ["dtmi:dtdl:context;2", "dtmi:iotcentral:context;2"], "@id": "dtmi:fuzz:Values;1",
             "@type": "Interface", "contents": [
              {"@type": "Telemetry", "name": "d", "schema": "double"},
              {"@type": "Telemetry", "name": "i", "schema": "integer"},
              {"@type": "Telemetry", "name": "l", "schema": "long"},
              {"@type": "Telemetry", "name": "b", "schema": "boolean"},
              {"@type": "Telemetry", "name": "s", "schema": "string"},
              {"@type": "Telemetry", "name": "dt", "schema": "dateTime"},
              {"@type": "Telemetry", "name": "da", "schema": "date"},
              {"@type": "Telemetry", "name": "t", "schema": "time"},
              {"@type": "Telemetry", "name": "du", "schema": "duration"},
              {"@type": "Telemetry", "name": "pt", "schema": "point"},
              {"@type": "Telemetry", "name": "poly", "schema": "polygon"},
              {"@type": "Telemetry", "name": "mpoly", "schema": "multiPolygon"},
              {"@type": "Telemetry", "name": "ls", "schema": "lineString"},
              {"@type": ["Telemetry", "Location"], "name": "geo", "schema": "geopoint"},
              {"@type": "Telemetry", "name": "vec", "schema": "vector"},
              {"@type": "Telemetry", "name": "e", "schema": {"@type": "Enum", "valueSchema": "integer",
                "enumValues": [{"name": "one", "enumValue": 1}, {"name": "two", "enumValue": 2}]}},
              {"@type": "Telemetry", "name": "es", "schema": {"@type": "Enum", "valueSchema": "string",
                "enumValues": [{"name": "on", "enumValue": "on"}]}},
              {"@type": "Telemetry", "name": "o", "schema": {"@type": "Object", "fields": [
                {"name": "a", "schema": "double"},
                {"name": "m", "schema": {"@type": "Map", "mapKey": {"name": "k", "schema": "string"},
                  "mapValue": {"name": "v", "schema": {"@type": "Array", "elementSchema": "float"}}}}]}}
             ]}
            """;

    private static final Interface VALUES = valuesModel();

    private static Interface valuesModel() {
        ParseResult result = DtdlParser.standalone().parse("values.json", SCHEMAS_MODEL);
        return result.find("dtmi:fuzz:Values;1").orElseThrow(() -> new IllegalStateException(
                "the values model is invalid: " + result.errors().stream().map(DtdlError::format).toList()));
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse(byte[] input) {
        ParseResult result = DtdlParser.standalone().parse("fuzz.json", new String(input, StandardCharsets.UTF_8));
        assertThat(result.errors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
        if (result.valid()) {
            for (Interface parsed : result.interfaces()) {
                assertThat(result.find(parsed.id().value())).as("a valid result finds each of its interfaces").isPresent();
            }
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void validateValue(byte[] input) {
        JsonNode value;
        try {
            value = JSON.readTree(input);
        } catch (IOException notJson) {
            return; // not a JSON value: the callers refuse it before validation
        }
        if (value == null) {
            return;
        }
        for (Telemetry telemetry : VALUES.telemetry()) {
            List<ValueError> errors = SchemaValidator.validate(telemetry.schema(), value);
            assertThat(errors).allSatisfy(error -> assertThat(error.pointer()).satisfiesAnyOf(
                    pointer -> assertThat(pointer).isEmpty(), pointer -> assertThat(pointer).startsWith("/")));
            assertThat(SchemaValidator.isValid(telemetry.schema(), value)).isEqualTo(errors.isEmpty());
        }
    }
}
