package org.opencentral.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every fixture parses, or fails with exactly the unresolved reference that points outside the folder. */
class FixturesTest {

    /** file → [pointer, dtmi] of the one reference the fixtures folder cannot resolve. */
    private static final Map<String, List<String>> UNRESOLVED = Map.of(
            "dtmi/aaeon/upsquared6000-1.json", List.of("/contents/0/schema", "dtmi:Synnex:WindowsDeviceInfo;1"),
            "dtmi/azure/iot/deviceupdatemodel-2.json", List.of("/extends", "dtmi:azure:iot:deviceUpdateContractModel;2"),
            "dtmi/rigado/minewc7-2.json", List.of("/extends/0", "dtmi:rigado:IotDevice;1"));

    private final DtdlParser parser = new DtdlParser(new FolderModelSource(Fixtures.dir()));

    @Test
    void findsAllFixtures() {
        assertThat(Fixtures.all()).hasSizeGreaterThanOrEqualTo(40);
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureParsesOrFailsWithTheUnresolvedReference() {
        return Fixtures.all().stream().map(file -> DynamicTest.dynamicTest(relative(file), () -> check(file)));
    }

    private void check(Path file) {
        ModelDocument doc = Fixtures.document(file);
        ParseResult result = parser.parse(doc);
        List<String> expected = UNRESOLVED.get(relative(file));
        if (expected == null) {
            assertThat(result.errors()).as("errors").isEmpty();
            assertThat(result.interfaces()).hasSize(1);
            assertThat(result.model(result.interfaces().get(0).id().value())).isPresent();
        } else {
            assertThat(result.errors()).singleElement().satisfies(e -> {
                assertThat(e.document()).isEqualTo(doc.location());
                assertThat(e.code()).isEqualTo(ErrorCode.UNRESOLVED_REFERENCE);
                assertThat(e.pointer()).isEqualTo(expected.get(0));
                assertThat(e.message()).startsWith("unresolved " + expected.get(1));
            });
        }
    }

    private static String relative(Path file) {
        return Fixtures.dir().relativize(file).toString().replace('\\', '/');
    }
}
