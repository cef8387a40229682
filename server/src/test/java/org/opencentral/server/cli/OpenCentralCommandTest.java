package org.opencentral.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.server.config.ConfigKey;
import org.opencentral.server.config.ConfigLoader;
import org.opencentral.server.config.LogConfig;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.logging.LogSetup;
import picocli.CommandLine;

class OpenCentralCommandTest {
    @TempDir
    Path temp;

    private final List<ServerConfig> started = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreLogging() {
        LogSetup.apply(LogConfig.defaults()); // 'start' applies the configured log format to this JVM
    }

    private int run(Map<String, String> env, String... args) {
        ConfigLoader loader = new ConfigLoader(env,
                ServerConfig.defaults("testhost").toBuilder().dataDir(temp.resolve("data")).build());
        CommandLine cli = OpenCentralCommand.create(loader, config -> {
            started.add(config);
            return 0;
        });
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void topLevelHelpExplainsEveryFlagAndEnvironmentVariable() {
        int code = run(Map.of(), "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("start", "config", "--config", "OPENCENTRAL_CONFIG");
        assertEveryKeyDocumented(out.toString());
    }

    @Test
    void startHelpExplainsEveryFlagWithItsDefault() {
        int code = run(Map.of(), "start", "--help");

        assertThat(code).isZero();
        assertEveryKeyDocumented(out.toString());
        assertThat(out.toString()).contains("--print-config", "Default: 8080", "Default: 8883", "Default: 1883",
                "Default: 8443", "Default: ./data", "0 disables");
        assertThat(started).isEmpty();
    }

    @Test
    void withoutArgumentsHelpIsPrinted() {
        int code = run(Map.of());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: opencentral", "Commands:", "start");
    }

    @Test
    void startRunsTheApplicationWithFlagsOverTheEnvironment() {
        int code = run(Map.of("OPENCENTRAL_HTTP_PORT", "9000", "OPENCENTRAL_MQTTS_PORT", "9001"),
                "start", "--http-port", "9100", "--data-dir", temp.resolve("other").toString(), "--log-format=json");

        assertThat(code).isZero();
        assertThat(started).singleElement().satisfies(config -> {
            assertThat(config.http().port()).isEqualTo(9100);
            assertThat(config.mqtt().mqttsPort()).isEqualTo(9001);
            assertThat(config.dataDir()).isEqualTo(temp.resolve("other"));
        });
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void invalidConfigurationPrintsEveryErrorAndDoesNotStart() {
        int code = run(Map.of("OPENCENTRAL_HTTP_PORT", "eighty"), "start", "--mqtts-port", "-1", "--log-format", "xml");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(started).isEmpty();
        assertThat(err.toString()).contains("3 errors", "http-port", "mqtts-port", "log-format");
    }

    @Test
    void printConfigShowsTheEffectiveConfigurationWithoutStarting() {
        int code = run(Map.of("OPENCENTRAL_ADMIN_PASSWORD", "hunter2-hunter2"), "start", "--print-config",
                "--public-host", "iot.example.com");

        assertThat(code).isZero();
        assertThat(started).isEmpty();
        assertThat(out.toString()).contains("public-host = iot.example.com", "from: --public-host")
                .doesNotContain("hunter2");
    }

    @Test
    void configCommandPrintsTheEffectiveConfiguration() {
        int code = run(Map.of(), "config", "--mqtt-port", "0");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("mqtt-port = 0", "http-port = 8080");
    }

    @Test
    void secretsCannotBePassedAsFlags() {
        int code = run(Map.of(), "start", "--admin-password", "visible-in-ps");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Unknown option");
        assertThat(started).isEmpty();
    }

    private static void assertEveryKeyDocumented(String help) {
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(help).contains(key.envName());
            key.flag().ifPresent(flag -> assertThat(help).contains(flag));
        }
    }
}
