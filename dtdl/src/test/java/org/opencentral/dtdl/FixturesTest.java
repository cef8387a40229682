package org.opencentral.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture parses, or fails with exactly the unresolved reference that points outside the
 * folder; also when validated as {@code dtdl validate} does, one file at a time and all together.
 */
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

    @TestFactory
    Stream<DynamicTest> everyFixtureValidatesOnItsOwnWithTheFolderAsRepository() {
        return Fixtures.all().stream().map(file -> DynamicTest.dynamicTest(relative(file), () -> {
            List<FileResult> results = DtdlValidator.validatePaths(List.of(file), Optional.of(Fixtures.dir()));
            assertThat(results).singleElement().satisfies(r -> expect(file, r.errors()));
        }));
    }

    /** As {@code dtdl validate testdata/dtdl}: each file its own model, references resolved from the others. */
    @Test
    void allFixturesTogetherAsTheValidateCommandSeesThem() {
        List<Path> all = Fixtures.all();

        List<FileResult> results = DtdlValidator.validatePaths(List.of(Fixtures.dir()), Optional.empty());

        assertThat(results).extracting(FileResult::file).containsExactlyElementsOf(all.stream().map(Path::toString).toList());
        for (int i = 0; i < all.size(); i++) {
            expect(all.get(i), results.get(i).errors());
        }
        assertThat(results).filteredOn(r -> !r.valid()).hasSize(UNRESOLVED.size());
    }

    private void check(Path file) {
        ModelDocument doc = Fixtures.document(file);
        ParseResult result = parser.parse(doc);
        expect(file, result.errors());
        if (result.valid()) {
            assertThat(result.interfaces()).hasSize(1);
            assertThat(result.model(result.interfaces().get(0).id().value())).isPresent();
        }
    }

    private static void expect(Path file, List<DtdlError> errors) {
        List<String> expected = UNRESOLVED.get(relative(file));
        if (expected == null) {
            assertThat(errors).as("errors").isEmpty();
        } else {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.document()).isEqualTo(file.toString());
                assertThat(e.code()).isEqualTo(DtdlErrorCode.UNRESOLVED_REFERENCE);
                assertThat(e.pointer()).isEqualTo(expected.get(0));
                assertThat(e.message()).startsWith("unresolved " + expected.get(1));
            });
        }
    }

    private static String relative(Path file) {
        return Fixtures.dir().relativize(file).toString().replace('\\', '/');
    }
}
