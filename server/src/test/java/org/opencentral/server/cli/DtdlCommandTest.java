package org.opencentral.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    private int run(String... args) {
        ConfigLoader loader = new ConfigLoader(Map.of(), ServerConfig.defaults("testhost").withDataDir(temp));
        CommandLine cli = OpenCentralCommand.create(loader, config -> 0);
        return cli.execute(args);
    }

    @Test
    void aValidModelPasses() throws Exception {
        Path model = Files.writeString(temp.resolve("thermostat.json"), """
                {"@context": "dtmi:dtdl:context;2", "@id": "dtmi:com:example:Tiny;1", "@type": "Interface",
                 "contents": [{"@type": "Telemetry", "name": "temperature", "schema": "double"}]}""");
        assertThat(run("dtdl", "validate", model.toString())).isZero();
    }

    @Test
    void anInvalidModelFailsWithExitCodeOne() throws Exception {
        Path model = Files.writeString(temp.resolve("broken.json"), """
                {"@context": "dtmi:dtdl:context;2", "@id": "not-a-dtmi", "@type": "Interface"}""");
        assertThat(run("dtdl", "validate", model.toString())).isEqualTo(1);
    }

    @Test
    void missingPathsAreAUsageError() {
        assertThat(run("dtdl", "validate", temp.resolve("absent.json").toString())).isEqualTo(2);
    }
}
