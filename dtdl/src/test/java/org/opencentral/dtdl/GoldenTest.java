package org.opencentral.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencentral.dtdl.json.ModelJson;
import org.opencentral.dtdl.model.Interface;

/**
 * Golden files of expanded models under {@code src/test/resources/golden/}. Rewrite them with
 * {@code -Dgolden.update=true} and review the diff.
 */
class GoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @CsvSource({
        "dtmi/com/example/thermostat-1.json, thermostat-1.json",
        "dtmi/com/example/temperaturecontroller-1.json, temperaturecontroller-1.json",
        "dtmi/com/example/temperaturecontroller-2.json, temperaturecontroller-2.json",
        "dtmi/azure/iot/deviceupdate-1.json, deviceupdate-1.json",
        "dtmi/azureiot/phonesensors-1.json, phonesensors-1.json",
        "dtmi/com/socomec/socomecgateway-1.json, socomecgateway-1.json",
        "dtmi/uk/co/clearwatercontrols/deraggerplus/telemetry-1.json, deraggerplus-telemetry-1.json"
    })
    void expandedModelMatchesGoldenFile(String fixture, String golden) throws IOException {
        ParseResult result = new DtdlParser(new FolderModelSource(Fixtures.dir()))
                .parse(Fixtures.document(Fixtures.file(fixture)));
        assertGolden(result, golden);
    }

    /** deviceUpdateModel;2 extends a contract model the fixtures lack: a test stub comes from a {@link MapModelSource}. */
    @Test
    void deviceUpdateModelWithAStubContractModel() throws IOException {
        String stub = Files.readString(Path.of("src/test/resources/models/deviceupdatecontractmodel-2-stub.json"));
        ModelSource source = new MapModelSource(Map.of("dtmi:azure:iot:deviceUpdateContractModel;2", stub))
                .orElse(new FolderModelSource(Fixtures.dir()));
        ParseResult result = new DtdlParser(source)
                .parse(Fixtures.document(Fixtures.file("dtmi/azure/iot/deviceupdatemodel-2.json")));
        assertGolden(result, "deviceupdatemodel-2.json");
    }

    private static void assertGolden(ParseResult result, String golden) throws IOException {
        assertThat(result.errors()).isEmpty();
        Interface model = result.interfaces().get(0);
        String actual = ModelJson.render(model);
        Path file = GOLDEN.resolve(golden);
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            assertThat(Boolean.getBoolean("golden.update")).as("golden file " + file + " was missing; written").isTrue();
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
