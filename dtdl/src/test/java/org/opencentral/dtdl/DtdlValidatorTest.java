package org.opencentral.dtdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencentral.dtdl.Models.iface;
import static org.opencentral.dtdl.Models.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files validated as the model repository's tooling does: each file is its own model, so two
 * versions of a model never clash, while a clash inside a file or with what it depends on does.
 */
class DtdlValidatorTest {

    private static final String V2 = "\"dtmi:dtdl:context;2\"";
    private static final String MODE = "{\"@id\": \"dtmi:test:Mode;1\", \"@type\": \"Enum\", \"valueSchema\": \"string\","
            + " \"enumValues\": [{\"name\": \"on\", \"enumValue\": \"on\"}]}";
    private static final String OTHER_MODE = MODE.replace("\"on\"", "\"off\"");

    @TempDir
    Path dir;

    // dtmi:impinj:R700;13 and ;131 from the public repository repeat the @ids of their contents and
    // schemas (dtmi:impinj:R700:Data:Stream;1, ...): two versions of one model, each valid on its own.
    @Test
    void twoVersionsOfAModelThatRepeatNestedIdsAreEachValid() {
        Path v13 = Fixtures.file("dtmi/impinj/r700-13.json");
        Path v131 = Fixtures.file("dtmi/impinj/r700-131.json");

        List<FileResult> results = DtdlValidator.validatePaths(List.of(v13, v131), Optional.empty());

        assertThat(results).extracting(FileResult::file).containsExactly(v13.toString(), v131.toString());
        assertThat(results).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        // Parsed as one model, the same two documents do clash: the @ids are really shared.
        assertThat(DtdlParser.standalone().parse(List.of(Fixtures.document(v13), Fixtures.document(v131))).errors())
                .extracting(DtdlError::code).isNotEmpty().containsOnly(DtdlErrorCode.DTMI_DUPLICATE);
    }

    @Test
    void aClashInsideAFileIsAnError() throws IOException {
        Path file = write("twice.json", iface(V2, "dtmi:test:Twice;1", telemetry("a", MODE) + "," + telemetry("b", MODE), ""));

        assertThat(only(DtdlValidator.validatePaths(List.of(file), Optional.empty())))
                .extracting(DtdlError::code, DtdlError::pointer)
                .containsExactly(tuple(DtdlErrorCode.DTMI_DUPLICATE, "/contents/1/schema/@id"));
    }

    @Test
    void aClashWithWhatTheFileDependsOnIsAnErrorInTheFile() throws IOException {
        Path repo = dir.resolve("repo");
        write("repo/dtmi/test/base-1.json", iface(V2, "dtmi:test:Base;1", telemetry("fromBase", OTHER_MODE), ""));
        Path device = write("device.json", iface(V2, "dtmi:test:Device;1", telemetry("mine", MODE),
                ", \"extends\": \"dtmi:test:Base;1\""));

        List<DtdlError> errors = only(DtdlValidator.validatePaths(List.of(device), Optional.of(repo)));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.document()).isEqualTo(device.toString());
            assertThat(e.pointer()).isEqualTo("/contents/0/schema/@id");
            assertThat(e.code()).isEqualTo(DtdlErrorCode.DTMI_DUPLICATE);
            assertThat(e.message()).startsWith("dtmi:test:Mode;1 is also defined in " + repo.resolve("dtmi/test/base-1.json"));
        });
    }

    // Given together, the base is both validated on its own (valid) and resolved for the device (clash).
    @Test
    void aClashWithAnotherGivenFileTheFileDependsOnIsAnErrorInTheFile() throws IOException {
        Path base = write("base.json", iface(V2, "dtmi:test:Base;1", telemetry("fromBase", OTHER_MODE), ""));
        Path device = write("device.json", iface(V2, "dtmi:test:Device;1", telemetry("mine", MODE),
                ", \"extends\": \"dtmi:test:Base;1\""));

        List<FileResult> results = DtdlValidator.validatePaths(List.of(base, device), Optional.empty());

        assertThat(results).extracting(FileResult::valid).containsExactly(true, false);
        assertThat(results.get(1).errors()).extracting(DtdlError::document, DtdlError::code)
                .containsExactly(tuple(device.toString(), DtdlErrorCode.DTMI_DUPLICATE));
    }

    // A dependency that repeats a definition word for word (as a stored template with its components
    // inlined does) defines the same element, not a second one.
    @Test
    void aDependencyRepeatingADefinitionWordForWordIsNotAClash() throws IOException {
        Path base = write("base.json", iface(V2, "dtmi:test:Base;1", telemetry("fromBase", MODE), ""));
        Path device = write("device.json", iface(V2, "dtmi:test:Device;1", telemetry("mine", MODE),
                ", \"extends\": \"dtmi:test:Base;1\""));

        assertThat(DtdlValidator.validatePaths(List.of(base, device), Optional.empty())).allMatch(FileResult::valid);
    }

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }

    private static List<DtdlError> only(List<FileResult> results) {
        assertThat(results).hasSize(1);
        return results.get(0).errors();
    }
}
