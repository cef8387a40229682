package org.opencentral.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrinterTest {
    @TempDir
    Path temp;

    private final Map<String, String> env = Map.of("OPENCENTRAL_ADMIN_PASSWORD", "s3cret-passw0rd",
            "OPENCENTRAL_HTTP_PORT", "9000");

    private ConfigLoader loader() {
        return new ConfigLoader(env,
                ServerConfig.defaults("testhost").toBuilder().dataDir(temp.resolve("data")).build());
    }

    @Test
    void printsEveryKeyWithItsDocumentationAndOriginAndMasksSecrets() {
        String text = ConfigPrinter.render(loader().load(Map.of(ConfigKey.MQTT_PORT, "0"), Optional.empty()));

        for (ConfigKey key : ConfigKey.values()) {
            assertThat(text).contains(key.key() + " = ", key.description(), key.envName());
        }
        assertThat(text).contains("http-port = 9000", "from: OPENCENTRAL_HTTP_PORT", "mqtt-port = 0", "from: --mqtt-port",
                        "mqtts-port = 8883", "from: default", "# admin-password = ******** (set, hidden)")
                .doesNotContain("s3cret-passw0rd");
    }

    @Test
    void thePrintedConfigurationIsAValidConfigFileWithTheSameValues() throws IOException {
        LoadedConfig original = loader().load(Map.of(ConfigKey.MQTT_PORT, "0", ConfigKey.LOG_LEVEL, "debug"),
                Optional.empty());
        Path file = Files.writeString(temp.resolve("printed.properties"), ConfigPrinter.render(original));

        LoadedConfig reloaded = new ConfigLoader(Map.of(), ServerConfig.defaults("otherhost"))
                .load(Map.of(), Optional.of(file));

        assertThat(reloaded.config()).isEqualTo(original.config().toBuilder().admin(AdminConfig.defaults()).build());
    }
}
