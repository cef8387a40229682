package org.opencentral.dtdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.dtdl.Models.*;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One invalid model per language rule: each fails with exactly its error code, at its pointer. */
class InvalidModelsTest {

    private static final String V2 = "\"dtmi:dtdl:context;2\"";
    private static final String V3 = "\"dtmi:dtdl:context;3\"";
    private static final String TEMP = "{\"@type\": [\"Telemetry\", \"Temperature\"], \"name\": \"t\", ";

    static Stream<Arguments> cases() {
        return Stream.of(
                c("JSON syntax", "{\"@context\": ", DtdlErrorCode.JSON_INVALID, ""),
                c("document neither object nor array", "42", DtdlErrorCode.DOCUMENT_INVALID, ""),
                c("no @context", "{\"@id\": \"dtmi:a:B;1\", \"@type\": \"Interface\"}", DtdlErrorCode.CONTEXT_MISSING, ""),
                c("DTDL v1 context", iface("\"dtmi:dtdl:context;1\"", ID, "", ""), DtdlErrorCode.CONTEXT_UNSUPPORTED, "/@context"),
                c("quantitative types with v2", iface("[" + V2 + ", \"dtmi:dtdl:extension:quantitativeTypes;1\"]", ID, "", ""),
                        DtdlErrorCode.CONTEXT_UNSUPPORTED, "/@context"),
                c("DTMI syntax", iface(V2, "dtmi:com:example:Bad-Id;1", "", ""), DtdlErrorCode.DTMI_INVALID, "/@id"),
                c("v2 DTMI without version", iface(V2, "dtmi:com:example:NoVersion", "", ""), DtdlErrorCode.DTMI_INVALID, "/@id"),
                c("v3 DTMI minor version zero", iface(V3, "dtmi:com:example:Thing;1.0", "", ""), DtdlErrorCode.DTMI_INVALID, "/@id"),
                c("DTMI system segment", iface(V2, "dtmi:com:_system:Thing;1", "", ""), DtdlErrorCode.DTMI_INVALID, "/@id"),
                c("interface DTMI over 128", iface(V2, "dtmi:com:" + "a".repeat(120) + ";1", "", ""),
                        DtdlErrorCode.DTMI_TOO_LONG, "/@id"),
                c("reserved prefix", iface(V2, "dtmi:dtdl:mine:Thing;1", "", ""), DtdlErrorCode.DTMI_RESERVED, "/@id"),
                c("duplicate @id", "[" + v2("") + "," + v2("") + "]", DtdlErrorCode.DTMI_DUPLICATE, "/1/@id"),
                c("name syntax", v2(telemetry("1st", "\"double\"")), DtdlErrorCode.NAME_INVALID, "/contents/0/name"),
                c("name ending in _", v2(telemetry("temp_", "\"double\"")), DtdlErrorCode.NAME_INVALID, "/contents/0/name"),
                c("v2 name over 64", v2(telemetry("n" + "a".repeat(64), "\"double\"")), DtdlErrorCode.NAME_TOO_LONG, "/contents/0/name"),
                c("duplicate name", v2(telemetry("t", "\"double\"") + "," + property("t", "\"double\"")),
                        DtdlErrorCode.NAME_DUPLICATE, "/contents/1/name"),
                c("name duplicates an inherited one", "[" + iface(V2, "dtmi:test:Base;1", telemetry("t", "\"double\""), "")
                        + "," + iface(V2, ID, telemetry("t", "\"long\""), ", \"extends\": \"dtmi:test:Base;1\"") + "]",
                        DtdlErrorCode.NAME_DUPLICATE, "/1/contents/0/name"),
                c("duplicate field name", v2(telemetry("t", "{\"@type\": \"Object\", \"fields\": [" + fields(1) + "," + fields(1) + "]}")),
                        DtdlErrorCode.NAME_DUPLICATE, "/contents/0/schema/fields/1/name"),
                c("301 contents in v2", v2(telemetries("t", 301)), DtdlErrorCode.CONTENTS_LIMIT, "/contents"),
                c("301 contents including extends", "[" + iface(V2, "dtmi:test:Base;1", telemetries("a", 200), "") + ","
                        + iface(V2, ID, telemetries("b", 101), ", \"extends\": [\"dtmi:test:Base;1\"]") + "]",
                        DtdlErrorCode.CONTENTS_LIMIT, "/1/contents"),
                c("three extends in v2", "[" + base(1) + "," + base(2) + "," + base(3) + "," + iface(V2, ID, "",
                        ", \"extends\": [\"dtmi:test:Base1;1\", \"dtmi:test:Base2;1\", \"dtmi:test:Base3;1\"]") + "]",
                        DtdlErrorCode.EXTENDS_LIMIT, "/3/extends"),
                c("extends 11 levels deep", chain(12), DtdlErrorCode.EXTENDS_DEPTH, "/0/extends"),
                c("extends cycle", "[" + iface(V2, "dtmi:test:A;1", "", ", \"extends\": \"dtmi:test:B;1\"") + ","
                        + iface(V2, "dtmi:test:B;1", "", ", \"extends\": \"dtmi:test:A;1\"") + "]", DtdlErrorCode.CYCLE, "/1/extends"),
                c("component cycle", v2("{\"@type\": \"Component\", \"name\": \"me\", \"schema\": \"" + ID + "\"}"),
                        DtdlErrorCode.CYCLE, "/contents/0/schema"),
                c("schema reference cycle", v2(telemetry("t", "\"dtmi:test:Node;1\"")).replace("]}", "], \"schemas\": ["
                        + "{\"@id\": \"dtmi:test:Node;1\", \"@type\": \"Object\", \"fields\": [{\"name\": \"next\","
                        + " \"schema\": \"dtmi:test:Node;1\"}]}]}"), DtdlErrorCode.CYCLE, "/schemas/0/fields/0/schema"),
                c("complex schema depth 6", v2(telemetry("t", nestedArrays(6))), DtdlErrorCode.SCHEMA_DEPTH, "/contents/0/schema"),
                c("101 enum values in v2", v2(telemetry("t", "{\"@type\": \"Enum\", \"valueSchema\": \"integer\","
                        + " \"enumValues\": [" + enumValues(101) + "]}")), DtdlErrorCode.ENUM_VALUES_LIMIT, "/contents/0/schema/enumValues"),
                c("duplicate enum value", v2(telemetry("t", "{\"@type\": \"Enum\", \"valueSchema\": \"integer\", \"enumValues\":"
                        + " [{\"name\": \"a\", \"enumValue\": 1}, {\"name\": \"b\", \"enumValue\": 1}]}")),
                        DtdlErrorCode.ENUM_VALUE_DUPLICATE, "/contents/0/schema/enumValues/1/enumValue"),
                c("enum value of the wrong type", v2(telemetry("t", "{\"@type\": \"Enum\", \"valueSchema\": \"integer\","
                        + " \"enumValues\": [{\"name\": \"a\", \"enumValue\": \"one\"}]}")),
                        DtdlErrorCode.ENUM_VALUE_TYPE_MISMATCH, "/contents/0/schema/enumValues/0/enumValue"),
                c("enum valueSchema double", v2(telemetry("t", "{\"@type\": \"Enum\", \"valueSchema\": \"double\","
                        + " \"enumValues\": [{\"name\": \"a\", \"enumValue\": 1}]}")),
                        DtdlErrorCode.ENUM_VALUE_SCHEMA_INVALID, "/contents/0/schema/valueSchema"),
                c("31 object fields in v2", v2(telemetry("t", "{\"@type\": \"Object\", \"fields\": [" + fields(31) + "]}")),
                        DtdlErrorCode.OBJECT_FIELDS_LIMIT, "/contents/0/schema/fields"),
                c("empty object in v2", v2(telemetry("t", "{\"@type\": \"Object\", \"fields\": []}")),
                        DtdlErrorCode.SET_EMPTY, "/contents/0/schema/fields"),
                c("array in v2 property", v2(property("p", nestedArrays(1))), DtdlErrorCode.ARRAY_IN_V2_PROPERTY, "/contents/0/schema"),
                c("array in an object in a v2 property", v2(property("p", "{\"@type\": \"Object\", \"fields\":"
                        + " [{\"name\": \"list\", \"schema\": " + nestedArrays(1) + "}]}")),
                        DtdlErrorCode.ARRAY_IN_V2_PROPERTY, "/contents/0/schema/fields/0/schema"),
                c("array in a map in a v2 property", v2(property("p", "{\"@type\": \"Map\", \"mapKey\": {\"name\": \"k\","
                        + " \"schema\": \"string\"}, \"mapValue\": {\"name\": \"v\", \"schema\": " + nestedArrays(1) + "}}")),
                        DtdlErrorCode.ARRAY_IN_V2_PROPERTY, "/contents/0/schema/mapValue/schema"),
                c("array via a schema reference in a v2 property", v2(property("p", "\"dtmi:test:List;1\"")).replace("]}",
                        "], \"schemas\": [{\"@id\": \"dtmi:test:List;1\", \"@type\": \"Array\", \"elementSchema\": \"long\"}]}"),
                        DtdlErrorCode.ARRAY_IN_V2_PROPERTY, "/contents/0/schema"),
                c("geospatial in v2 property", v2(property("p", "\"point\"")), DtdlErrorCode.ARRAY_IN_V2_PROPERTY, "/contents/0/schema"),
                c("nested component", "[" + iface(V2, "dtmi:test:Inner;1", "", "") + ","
                        + iface(V2, "dtmi:test:Middle;1", "{\"@type\": \"Component\", \"name\": \"inner\", \"schema\": \"dtmi:test:Inner;1\"}", "")
                        + "," + iface(V2, ID, "{\"@type\": \"Component\", \"name\": \"middle\", \"schema\": \"dtmi:test:Middle;1\"}", "") + "]",
                        DtdlErrorCode.COMPONENT_NESTED, "/2/contents/0/schema"),
                c("unresolved component", v2("{\"@type\": \"Component\", \"name\": \"c\", \"schema\": \"dtmi:test:Missing;1\"}"),
                        DtdlErrorCode.UNRESOLVED_REFERENCE, "/contents/0/schema"),
                c("unresolved schema", v2(telemetry("t", "\"dtmi:test:MissingSchema;1\"")), DtdlErrorCode.UNRESOLVED_REFERENCE, "/contents/0/schema"),
                c("extends an Object", v2("").replace("]}", "], \"extends\": \"dtmi:test:Obj;1\", \"schemas\": [{\"@id\":"
                        + " \"dtmi:test:Obj;1\", \"@type\": \"Object\", \"fields\": [" + fields(1) + "]}]}"),
                        DtdlErrorCode.REFERENCE_KIND_INVALID, "/extends"),
                c("semantic type on a string", v2(TEMP + "\"schema\": \"string\", \"unit\": \"kelvin\"}"),
                        DtdlErrorCode.SEMANTIC_SCHEMA_NOT_NUMERIC, "/contents/0/schema"),
                c("semantic type without unit", v2(TEMP + "\"schema\": \"double\"}"), DtdlErrorCode.UNIT_REQUIRED, "/contents/0"),
                c("unit of another unit type", v2(TEMP + "\"schema\": \"double\", \"unit\": \"metre\"}"),
                        DtdlErrorCode.UNIT_INVALID, "/contents/0/unit"),
                c("v3 quantitative unit mismatch", v3("{\"@type\": [\"Telemetry\", \"Concentration\"], \"name\": \"c\","
                        + " \"schema\": \"double\", \"unit\": \"kelvin\"}"), DtdlErrorCode.UNIT_INVALID, "/contents/0/unit"),
                c("unit without semantic type", v2("{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\","
                        + " \"unit\": \"kelvin\"}"), DtdlErrorCode.UNIT_NOT_ALLOWED, "/contents/0/unit"),
                c("semantic type on a v2 field", v2(telemetry("t", "{\"@type\": \"Object\", \"fields\": [{\"@type\":"
                        + " [\"Field\", \"Temperature\"], \"name\": \"f\", \"schema\": \"double\", \"unit\": \"kelvin\"}]}")),
                        DtdlErrorCode.COTYPE_NOT_ALLOWED, "/contents/0/schema/fields/0/@type"),
                c("telemetry without schema", v2("{\"@type\": \"Telemetry\", \"name\": \"t\"}"), DtdlErrorCode.PROPERTY_REQUIRED, "/contents/0"),
                c("unknown property", v2("{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"colour\": 1}"),
                        DtdlErrorCode.PROPERTY_UNKNOWN, "/contents/0/colour"),
                c("v3 commandType", iface(V3, ID, "{\"@type\": \"Command\", \"name\": \"c\", \"commandType\": \"synchronous\"}", ""),
                        DtdlErrorCode.PROPERTY_UNKNOWN, "/contents/0/commandType"),
                c("writable telemetry", v2("{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"writable\": true}"),
                        DtdlErrorCode.WRITABLE_NOT_ALLOWED, "/contents/0/writable"),
                c("writable not a boolean", v2("{\"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\", \"writable\": \"yes\"}"),
                        DtdlErrorCode.PROPERTY_VALUE_INVALID, "/contents/0/writable"),
                c("content without @type", v2("{\"name\": \"t\", \"schema\": \"double\"}"), DtdlErrorCode.TYPE_MISSING, "/contents/0"),
                c("Object in contents", v2("{\"@type\": \"Object\", \"fields\": []}"), DtdlErrorCode.TYPE_INVALID, "/contents/0/@type"),
                c("v2 CommandPayload type in v3", iface(V3, ID, "{\"@type\": \"Command\", \"name\": \"c\", \"request\":"
                        + " {\"@type\": \"CommandPayload\", \"name\": \"r\", \"schema\": \"double\"}}", ""),
                        DtdlErrorCode.TYPE_INVALID, "/contents/0/request/@type"),
                c("unknown primitive", v2(telemetry("t", "\"decimal\"")), DtdlErrorCode.SCHEMA_UNKNOWN, "/contents/0/schema"),
                c("geopoint without IoT Central context", v2(telemetry("t", "\"geopoint\"")), DtdlErrorCode.SCHEMA_UNKNOWN, "/contents/0/schema"),
                c("map key not a string", v2(telemetry("t", "{\"@type\": \"Map\", \"mapKey\": {\"name\": \"k\", \"schema\":"
                        + " \"integer\"}, \"mapValue\": {\"name\": \"v\", \"schema\": \"double\"}}")),
                        DtdlErrorCode.MAP_KEY_SCHEMA_INVALID, "/contents/0/schema/mapKey/schema"),
                c("displayName over 64", v2("").replace("\"contents\"", "\"displayName\": \"" + "x".repeat(65) + "\", \"contents\""),
                        DtdlErrorCode.STRING_TOO_LONG, "/displayName"),
                c("bad language tag", v2("").replace("\"contents\"", "\"description\": {\"en_US!\": \"x\"}, \"contents\""),
                        DtdlErrorCode.LANGUAGE_TAG_INVALID, "/description/en_US!"),
                c("minMultiplicity 1", v2("{\"@type\": \"Relationship\", \"name\": \"r\", \"minMultiplicity\": 1}"),
                        DtdlErrorCode.MULTIPLICITY_INVALID, "/contents/0/minMultiplicity"),
                c("maxMultiplicity 501 in v2", v2("{\"@type\": \"Relationship\", \"name\": \"r\", \"maxMultiplicity\": 501}"),
                        DtdlErrorCode.MULTIPLICITY_INVALID, "/contents/0/maxMultiplicity"),
                c("301 relationship properties in v2", v2("{\"@type\": \"Relationship\", \"name\": \"r\", \"properties\": ["
                        + IntStream.range(0, 301).mapToObj(i -> property("p" + i, "\"double\"")).collect(Collectors.joining(","))
                        + "]}"), DtdlErrorCode.RELATIONSHIP_PROPERTIES_LIMIT, "/contents/0/properties"),
                c("IoT Central State on a double", iotc("{\"@type\": [\"Telemetry\", \"State\"], \"name\": \"s\", \"schema\": \"double\"}"),
                        DtdlErrorCode.IOTC_SCHEMA_MISMATCH, "/contents/0/schema"),
                c("IoT Central Cloud on telemetry", iotc("{\"@type\": [\"Telemetry\", \"Cloud\"], \"name\": \"s\", \"schema\": \"double\"}"),
                        DtdlErrorCode.COTYPE_NOT_ALLOWED, "/contents/0/@type"),
                c("v3 over 100,000 elements", v3(telemetry("t", "{\"@type\": \"Enum\", \"valueSchema\": \"integer\", \"enumValues\": ["
                        + enumValues(100_001) + "]}")), DtdlErrorCode.ELEMENT_COUNT_LIMIT, "/contents"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithItsCodeAtItsPointer(String rule, String json, DtdlErrorCode code, String pointer) {
        ParseResult result = DtdlParser.standalone().parse("model.json", json);

        assertThat(result.errors()).extracting(DtdlError::code).as("codes").containsOnly(code);
        assertThat(result.errors()).extracting(DtdlError::pointer).as("pointers").contains(pointer);
        assertThat(result.errors()).allSatisfy(e -> {
            assertThat(e.document()).isEqualTo("model.json");
            assertThat(e.message()).isNotBlank();
        });
        assertThat(result.model(Models.ID)).isEmpty();
    }

    private static Arguments c(String rule, String json, DtdlErrorCode code, String pointer) {
        return Arguments.of(rule, json, code, pointer);
    }

    private static String base(int n) {
        return iface(V2, "dtmi:test:Base" + n + ";1", telemetry("b" + n, "\"double\""), "");
    }

    /** Interfaces L0 extends L1 extends ... extends L(n-1), in one array document. */
    private static String chain(int n) {
        List<String> interfaces = IntStream.range(0, n).mapToObj(i -> iface(V2, "dtmi:test:L" + i + ";1",
                telemetry("t" + i, "\"double\""), i + 1 < n ? ", \"extends\": \"dtmi:test:L" + (i + 1) + ";1\"" : ""))
                .toList();
        return "[" + String.join(",", interfaces) + "]";
    }
}
