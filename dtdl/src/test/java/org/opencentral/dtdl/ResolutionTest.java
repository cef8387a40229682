package org.opencentral.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.dtdl.model.ArraySchema;
import org.opencentral.dtdl.model.Component;
import org.opencentral.dtdl.model.Content;
import org.opencentral.dtdl.model.DtdlVersion;
import org.opencentral.dtdl.model.Interface;
import org.opencentral.dtdl.model.IotcAdjunct;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Property;
import org.opencentral.dtdl.model.Telemetry;

/** References resolved from documents given together, from a Map source, inline definitions, v3 and IoT Central. */
class ResolutionTest {

    private static final String V2 = "\"dtmi:dtdl:context;2\"";

    @Test
    void resolvesExtendsAndComponentsFromAMapSource() {
        String base = Models.iface(V2, "dtmi:test:Base;1", Models.telemetry("fromBase", "\"double\""), "");
        String part = Models.iface(V2, "dtmi:test:Part;1", Models.property("level", "\"integer\""), "");
        String device = Models.iface(V2, "dtmi:test:Device;1", "{\"@type\": \"Component\", \"name\": \"part\","
                + " \"schema\": \"dtmi:test:Part;1\"}", ", \"extends\": \"dtmi:test:Base;1\"");
        ModelSource store = new MapModelSource(Map.of("dtmi:test:Base;1", base, "dtmi:test:Part;1", part));

        ParseResult result = new DtdlParser(store).parse("device.json", device);

        assertThat(result.errors()).isEmpty();
        Interface model = result.find("dtmi:test:Device;1").orElseThrow();
        assertThat(model.contents()).extracting(Content::name).containsExactly("fromBase", "part");
        assertThat(model.extendsIds()).extracting(Object::toString).containsExactly("dtmi:test:Base;1");
        assertThat(result.model("dtmi:test:Device;1").orElseThrow().property(Optional.of("part"), "level")).isPresent();
    }

    @Test
    void resolvesInlineDefinitionsAndSeveralInterfacesInOneDocument() {
        String doc = "[" + Models.iface(V2, "dtmi:test:A;1", "{\"@type\": \"Component\", \"name\": \"inner\", \"schema\":"
                + " {\"@id\": \"dtmi:test:Inline;1\", \"@type\": \"Interface\", \"contents\": ["
                + Models.telemetry("t", "\"dtmi:test:Point3;1\"") + "], \"schemas\": [{\"@id\": \"dtmi:test:Point3;1\","
                + " \"@type\": \"Object\", \"fields\": [{\"name\": \"x\", \"schema\": \"double\"}]}]}}", "")
                + "," + Models.iface(V2, "dtmi:test:B;1", "", ", \"extends\": [\"dtmi:test:A;1\"]") + "]";

        ParseResult result = DtdlParser.standalone().parse("doc.json", doc);

        assertThat(result.errors()).isEmpty();
        assertThat(result.interfaces()).extracting(i -> i.id().value()).containsExactly("dtmi:test:A;1", "dtmi:test:B;1");
        Component inner = (Component) result.find("dtmi:test:B;1").orElseThrow().content("inner").orElseThrow();
        assertThat(inner.schema().id().value()).isEqualTo("dtmi:test:Inline;1");
        assertThat(((Telemetry) inner.schema().content("t").orElseThrow()).schema()).isInstanceOf(ObjectSchema.class);
    }

    @Test
    void parsesDtdlV3WithQuantitativeTypes() {
        String doc = Models.v3(Models.property("readings", "{\"@type\": \"Array\", \"elementSchema\": {\"@type\": \"Object\","
                + " \"fields\": [{\"@type\": [\"Field\", \"Concentration\"], \"name\": \"co2\", \"schema\": \"double\","
                + " \"unit\": \"partsPerMillion\"}]}}") + ", {\"@type\": \"Command\", \"name\": \"calibrate\", \"request\":"
                + " {\"@type\": \"CommandRequest\", \"name\": \"target\", \"schema\": \"double\"}, \"response\":"
                + " {\"@type\": \"CommandResponse\", \"name\": \"ok\", \"schema\": \"boolean\"}}")
                .replace(Models.ID, "dtmi:test:Sensor;2.1");

        ParseResult result = DtdlParser.standalone().parse("v3.json", doc);

        assertThat(result.errors()).isEmpty();
        Interface model = result.find("dtmi:test:Sensor;2.1").orElseThrow();
        assertThat(model.version()).isEqualTo(DtdlVersion.V3);
        assertThat(((Property) model.content("readings").orElseThrow()).schema()).isInstanceOf(ArraySchema.class);
    }

    @Test
    void parsesTheIotCentralTemplateExtensions() {
        String doc = """
                {"@context": ["dtmi:iotcentral:context;2", "dtmi:dtdl:context;2"],
                 "@id": "dtmi:contoso:testCapabilityModel;1", "@type": "Interface",
                 "contents": [
                   {"@type": ["Property", "Initialized", "Cloud"], "name": "threshold", "schema": "double",
                    "writable": true, "initialValue": "100"},
                   {"@type": ["Telemetry", "Location"], "name": "where", "schema": "geopoint"},
                   {"@type": ["Telemetry", "VelocityVector"], "name": "speed", "schema": "vector", "unit": "metrePerSecond"}],
                 "extends": [{"@id": "dtmi:contoso:testInterface;1", "@type": ["Interface", "NamedInterface"],
                   "name": "contoso_testInterface", "contents": [
                     {"@type": ["EventValue", "Telemetry", "Event"], "name": "testEvent", "schema": "integer",
                      "severity": "warning"},
                     {"@type": "Command", "commandType": "synchronous", "name": "testCommand", "durable": true,
                      "request": {"@type": "CommandPayload", "name": "testRequest", "schema": "double"},
                      "response": {"@type": "CommandPayload", "name": "testResponse", "schema": "geopoint"}}]}]}
                """;

        ParseResult result = DtdlParser.standalone().parse("template.json", doc);

        assertThat(result.errors()).isEmpty();
        Interface model = result.interfaces().get(0);
        Property threshold = (Property) model.content("threshold").orElseThrow();
        assertThat(threshold.iotc().cloud()).isTrue();
        assertThat(threshold.iotc().initialValue()).hasValueSatisfying(v -> assertThat(v.asText()).isEqualTo("100"));
        Telemetry event = (Telemetry) model.content("testEvent").orElseThrow();
        assertThat(event.iotc().adjuncts()).contains(IotcAdjunct.EVENT, IotcAdjunct.EVENT_VALUE);
        assertThat(event.iotc().severity()).contains("warning");
        assertThat(((Telemetry) model.content("speed").orElseThrow()).quantity())
                .hasValueSatisfying(q -> assertThat(q.unitType()).isEqualTo("VelocityUnit"));
    }

    @Test
    void collectsAllErrorsOfADocument() {
        String doc = Models.v2(Models.telemetry("1bad", "\"nope\"") + ", {\"@type\": \"Telemetry\", \"name\": \"ok\"}");

        ParseResult result = DtdlParser.standalone().parse("many.json", doc);

        assertThat(result.errors()).extracting(DtdlError::code).containsExactly(
                DtdlErrorCode.NAME_INVALID, DtdlErrorCode.SCHEMA_UNKNOWN, DtdlErrorCode.PROPERTY_REQUIRED);
        assertThat(result.errors()).extracting(DtdlError::format).first().asString()
                .startsWith("many.json: /contents/0/name: NAME_INVALID: name '1bad'");
    }

    @Test
    void folderSourceMapsDtmisToRepositoryPaths() {
        FolderModelSource repo = new FolderModelSource(Fixtures.dir());
        assertThat(repo.pathOf("dtmi:com:example:Thermostat;1"))
                .contains(Fixtures.dir().resolve("dtmi/com/example/thermostat-1.json"));
        assertThat(repo.find("dtmi:com:example:Thermostat;1")).isPresent();
        assertThat(repo.find("dtmi:com:example:Missing;1")).isEmpty();
        assertThat(repo.pathOf("dtmi:../../etc;1")).isEmpty();
    }

    @Test
    void unresolvedReferencesFromDocumentsGivenTogetherAreReportedPerReference() {
        List<ModelDocument> docs = List.of(Fixtures.document(Fixtures.file("dtmi/com/example/temperaturecontroller-2.json")));
        ParseResult result = DtdlParser.standalone().parse(docs);
        assertThat(result.errors()).extracting(DtdlError::pointer)
                .containsExactly("/contents/3/schema", "/contents/4/schema", "/contents/5/schema");
    }
}
