package org.opencentral.dtdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The complex schema depth limit, as the DTDL v2 and v3 specifications word it (section "Limits and
 * exclusions", identical in both): "There MUST NOT be more than 5 "elementSchema" or "schema"
 * members in any path from a DTDL Array element to another DTDL element." (and the same for Map and
 * Object). The valid and invalid cases of the specification's own tests
 * (Requirement-ClassObjectPropertiesElementSchemaSchemaMaxDepthV2/V3,
 * Requirement-ClassArrayPropertiesElementSchemaSchemaMaxDepthV2) are the first ones here.
 */
class SchemaDepthTest {

    private static final String V2 = "\"dtmi:dtdl:context;2\"";
    private static final String V3 = "\"dtmi:dtdl:context;3\"";
    private static final String INTEGER = "\"integer\"";
    private static final String ENUM = "{\"@type\": \"Enum\", \"valueSchema\": \"string\", \"enumValues\": ["
            + "{\"name\": \"on\", \"enumValue\": \"on\"}]}";

    // Five Objects: from the outermost, the fields' "schema" members lead to Objects 2..5 and then to
    // "integer" (5 members). Six Objects make 6: the specification's invalid case.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {V2, V3})
    void fiveNestedObjectsAreTheLimit(String context) {
        assertThat(errors(Models.iface(context, Models.ID, Models.property("p", objects(5, INTEGER)), ""))).isEmpty();
        assertThat(errors(Models.iface(context, Models.ID, Models.property("p", objects(6, "\"long\"")), "")))
                .extracting(DtdlError::code, DtdlError::pointer)
                .containsExactly(tuple(DtdlErrorCode.SCHEMA_DEPTH, "/contents/0/schema"));
    }

    // "elementSchema" members count like "schema" members: five Arrays of boolean are valid, six are not.
    @Test
    void fiveNestedArraysAreTheLimit() {
        assertThat(errors(Models.v2(Models.telemetry("t", Models.nestedArrays(5))))).isEmpty();
        assertThat(codes(Models.v2(Models.telemetry("t", Models.nestedArrays(6))))).containsExactly(DtdlErrorCode.SCHEMA_DEPTH);
    }

    // An Enum at the end of the path adds the one "schema" member that leads to it, as a primitive
    // would; it has no "schema" member of its own. This is the shape of dtmi:impinj:R700;13's
    // SetPresetId (Object > Object > Object > Object > Object > Enum), which the official parser accepts.
    @Test
    void anEnumAtTheEndCountsLikeAPrimitive() {
        assertThat(errors(Models.v2(Models.telemetry("t", objects(5, ENUM))))).isEmpty();
        assertThat(codes(Models.v2(Models.telemetry("t", objects(6, ENUM))))).containsExactly(DtdlErrorCode.SCHEMA_DEPTH);
    }

    // "fields" and "mapValue" are not "schema" members; the MapValue's "schema" is: Map > Map > Map > Map > Map > double
    // has 5, one more Map has 6.
    @Test
    void mapValuesCountOnce() {
        assertThat(errors(Models.v2(Models.telemetry("t", maps(5))))).isEmpty();
        assertThat(codes(Models.v2(Models.telemetry("t", maps(6))))).containsExactly(DtdlErrorCode.SCHEMA_DEPTH);
    }

    // A path follows "inclusion or referential inclusion": a schema from "schemas" referenced by DTMI
    // counts as if written inline. Reported once, at the outermost complex schema: the inline Object
    // that holds the reference, or the "schemas" entry itself when it alone is too deep (used or not).
    @Test
    void referencedSchemasCountAsIfInline() {
        String fourDeep = schemas(objects(4, INTEGER));
        String fiveDeep = schemas(objects(5, INTEGER));
        String holder = "{\"@type\": \"Object\", \"fields\": [{\"name\": \"inner\", \"schema\": \"dtmi:test:Deep;1\"}]}";

        assertThat(errors(Models.iface(V2, Models.ID, Models.telemetry("t", holder), fourDeep))).isEmpty();
        assertThat(errors(Models.iface(V2, Models.ID, Models.telemetry("t", holder), fiveDeep)))
                .extracting(DtdlError::pointer).containsExactly("/contents/0/schema");
        assertThat(errors(Models.iface(V2, Models.ID, "", schemas(objects(6, INTEGER)))))
                .extracting(DtdlError::pointer).containsExactly("/schemas/0");
    }

    // The official parser defines the geospatial schemas as standard Objects (a "coordinates" field of
    // nested Arrays: multiPolygon has 5 "schema"/"elementSchema" members), so a field of an Object can
    // be a polygon (1 + 4) but not a multiPolygon (1 + 5).
    @Test
    void geospatialSchemasCountAsTheStandardObjectsTheyAre() {
        assertThat(errors(Models.v2(Models.telemetry("t", "\"multiPolygon\"")))).isEmpty();
        assertThat(errors(Models.v2(Models.telemetry("t", objects(1, "\"polygon\""))))).isEmpty();
        assertThat(codes(Models.v2(Models.telemetry("t", objects(1, "\"multiPolygon\""))))).containsExactly(DtdlErrorCode.SCHEMA_DEPTH);
    }

    // 40 Objects, each with two fields referencing the next: 2^40 paths, but 40 schemas to count.
    @Test
    void sharedReferencesAreCountedOncePerSchemaNotOncePerPath() {
        StringBuilder schemas = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String next = "\"dtmi:test:S" + (i + 1) + ";1\"";
            schemas.append("{\"@id\": \"dtmi:test:S").append(i).append(";1\", \"@type\": \"Object\", \"fields\": [")
                    .append("{\"name\": \"a\", \"schema\": ").append(next).append("}, {\"name\": \"b\", \"schema\": ")
                    .append(next).append("}]},");
        }
        schemas.append("{\"@id\": \"dtmi:test:S40;1\", \"@type\": \"Object\", \"fields\": [{\"name\": \"x\", \"schema\": \"integer\"}]}");

        List<DtdlError> errors = errors(Models.iface(V2, Models.ID, Models.telemetry("t", "\"dtmi:test:S0;1\""),
                ", \"schemas\": [" + schemas + "]"));

        assertThat(errors).extracting(DtdlError::code).containsOnly(DtdlErrorCode.SCHEMA_DEPTH);
        assertThat(errors).extracting(DtdlError::pointer).contains("/schemas/0", "/schemas/35")
                .doesNotContain("/schemas/36", "/contents/0/schema");
    }

    @Test
    void theImpinjReaderModelFromThePublicRepositoryIsAccepted() {
        ParseResult result = new DtdlParser(new FolderModelSource(Fixtures.dir()))
                .parse(Fixtures.document(Fixtures.file("dtmi/impinj/r700-13.json")));

        assertThat(result.errors()).isEmpty();
        assertThat(result.find("dtmi:impinj:R700;13").orElseThrow().content("SetPresetId")).isPresent();
    }

    /** {@code n} Objects, each the schema of the only field of the one before; the innermost field has {@code leaf}. */
    private static String objects(int n, String leaf) {
        String schema = leaf;
        for (int i = 0; i < n; i++) {
            schema = "{\"@type\": \"Object\", \"fields\": [{\"name\": \"f" + i + "\", \"schema\": " + schema + "}]}";
        }
        return schema;
    }

    private static String maps(int n) {
        String schema = "\"double\"";
        for (int i = 0; i < n; i++) {
            schema = "{\"@type\": \"Map\", \"mapKey\": {\"name\": \"k\", \"schema\": \"string\"}, \"mapValue\":"
                    + " {\"name\": \"v\", \"schema\": " + schema + "}}";
        }
        return schema;
    }

    /** A {@code schemas} member defining {@code dtmi:test:Deep;1} as {@code schema}. */
    private static String schemas(String schema) {
        return ", \"schemas\": [" + schema.replaceFirst("\\{", "{\"@id\": \"dtmi:test:Deep;1\", ") + "]";
    }

    private static List<DtdlError> errors(String json) {
        return DtdlParser.standalone().parse("model.json", json).errors();
    }

    private static List<DtdlErrorCode> codes(String json) {
        return errors(json).stream().map(DtdlError::code).toList();
    }
}
