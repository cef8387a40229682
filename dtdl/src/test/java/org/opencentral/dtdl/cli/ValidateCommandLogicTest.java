package org.opencentral.dtdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dtdl validate}: output lines and exit codes. */
class ValidateCommandLogicTest {

    private static final Path FIXTURES = Path.of("../testdata/dtdl").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void validModelsExitZeroWithASummary() throws IOException {
        Path model = write("ok.json", "{\"@context\": \"dtmi:dtdl:context;2\", \"@id\": \"dtmi:test:Ok;1\","
                + " \"@type\": \"Interface\", \"contents\": []}");

        assertThat(run(model.toString())).isEqualTo(ValidateCommandLogic.OK);
        assertThat(lines(out)).containsExactly("1 file, 1 valid, 0 invalid");
    }

    @Test
    void invalidModelsPrintOneLinePerErrorAndExitOne() throws IOException {
        write("ok.json", "{\"@context\": \"dtmi:dtdl:context;2\", \"@id\": \"dtmi:test:Ok;1\", \"@type\": \"Interface\"}");
        Path bad = write("sub/bad.json", "{\"@context\": \"dtmi:dtdl:context;2\", \"@id\": \"dtmi:test:Bad;1\","
                + " \"@type\": \"Interface\", \"contents\": [{\"@type\": \"Telemetry\", \"name\": \"1x\","
                + " \"schema\": \"dtmi:test:Nowhere;1\"}]}");

        assertThat(run(dir.toString())).isEqualTo(ValidateCommandLogic.INVALID);
        assertThat(lines(out)).containsExactly(
                bad + ": /contents/0/name: NAME_INVALID: name '1x' must contain only letters, digits and '_', start with"
                        + " a letter and end with a letter or digit",
                bad + ": /contents/0/schema: UNRESOLVED_REFERENCE: unresolved dtmi:test:Nowhere;1 (not defined in the"
                        + " models given nor found in the model repository)",
                "2 files, 1 valid, 1 invalid");
    }

    @Test
    void resolvesFromTheRepositoryFolder() {
        String controller = FIXTURES.resolve("dtmi/com/example/temperaturecontroller-2.json").toString();

        assertThat(run(controller)).isEqualTo(ValidateCommandLogic.INVALID);
        assertThat(lines(out)).hasSize(4).last().isEqualTo("1 file, 0 valid, 1 invalid");

        out.reset();
        assertThat(run("--repo", FIXTURES.toString(), controller)).isEqualTo(ValidateCommandLogic.OK);
        assertThat(lines(out)).containsExactly("1 file, 1 valid, 0 invalid");
    }

    @Test
    void eachFileIsItsOwnModelSoTwoVersionsOfAModelDoNotClash() {
        String v13 = FIXTURES.resolve("dtmi/impinj/r700-13.json").toString();
        String v131 = FIXTURES.resolve("dtmi/impinj/r700-131.json").toString();

        assertThat(run("--repo", FIXTURES.toString(), v13, v131)).isEqualTo(ValidateCommandLogic.OK);
        assertThat(lines(out)).containsExactly("2 files, 2 valid, 0 invalid");
    }

    @Test
    void anErrorInAFileOthersDependOnIsPrintedOnceAndEveryDependentIsInvalid() throws IOException {
        Path base = write("base.json", "{\"@context\": \"dtmi:dtdl:context;2\", \"@id\": \"dtmi:test:Base;1\","
                + " \"@type\": \"Interface\", \"contents\": [{\"@type\": \"Telemetry\", \"name\": \"1x\","
                + " \"schema\": \"double\"}]}");
        for (String name : List.of("a", "b")) {
            write(name + ".json", "{\"@context\": \"dtmi:dtdl:context;2\", \"@id\": \"dtmi:test:" + name.toUpperCase()
                    + ";1\", \"@type\": \"Interface\", \"extends\": \"dtmi:test:Base;1\"}");
        }

        assertThat(run(dir.toString())).isEqualTo(ValidateCommandLogic.INVALID);
        assertThat(lines(out)).containsExactly(
                base + ": /contents/0/name: NAME_INVALID: name '1x' must contain only letters, digits and '_', start with"
                        + " a letter and end with a letter or digit",
                "3 files, 0 valid, 3 invalid");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(run()).isEqualTo(ValidateCommandLogic.USAGE);
        assertThat(run("--repo")).isEqualTo(ValidateCommandLogic.USAGE);
        assertThat(run("--verbose", "x.json")).isEqualTo(ValidateCommandLogic.USAGE);
        assertThat(run(dir.resolve("missing.json").toString())).isEqualTo(ValidateCommandLogic.USAGE);
        assertThat(lines(err)).contains(ValidateCommandLogic.USAGE_TEXT);
        assertThat(out.size()).isZero();
    }

    private int run(String... args) {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return ValidateCommandLogic.run(List.of(args), o, e);
        }
    }

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return new ArrayList<>(stream.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
