package org.opencentral.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.server.config.ConfigLoader;
import org.opencentral.server.config.ServerConfig;
import picocli.CommandLine;

class DtdlCommandTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    /** Runs the command line with standard output and error captured in {@link #printed}. */
    private int run(String... args) {
        ConfigLoader loader = new ConfigLoader(Map.of(),
                ServerConfig.defaults("testhost").toBuilder().dataDir(temp).build());
        CommandLine cli = OpenCentralCommand.create(loader, config -> 0);
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return cli.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aValidModelPasses() throws Exception {
        Path model = Files.writeString(temp.resolve("thermostat.json"), """
                {"@context": "dtmi:dtdl:context;2", "@id": "dtmi:com:example:Tiny;1", "@type": "Interface",
                 "contents": [{"@type": "Telemetry", "name": "temperature", "schema": "double"}]}""");
        assertThat(run("dtdl", "validate", model.toString())).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1 file, 1 valid, 0 invalid");
    }

    @Test
    void anInvalidModelFailsWithExitCodeOne() throws Exception {
        Path model = Files.writeString(temp.resolve("broken.json"), """
                {"@context": "dtmi:dtdl:context;2", "@id": "not-a-dtmi", "@type": "Interface"}""");
        assertThat(run("dtdl", "validate", model.toString())).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("broken.json: /@id: DTMI_INVALID");
    }

    @Test
    void missingPathsAreAUsageError() {
        assertThat(run("dtdl", "validate", temp.resolve("absent.json").toString())).isEqualTo(2);
    }
}
