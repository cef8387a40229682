package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.server.config.ConfigException;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/** Device keys are encrypted at rest with the node's secret key, and only that key opens them again. */
@Timeout(120)
class SecretsAtRestTest {
    @TempDir
    Path keys;

    @Test
    void aRestartedNodeStillAuthenticatesItsDevicesAndTheStateFileHoldsNoKey() throws Exception {
        TestPlatform first = TestPlatform.start();
        String key = first.createDevice("kept");
        Path secretKey = first.dataDir().resolve("secret.key");

        assertThat(Files.size(secretKey)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretKey))).isEqualTo("rw-------");
        assertThat(storedPrimaryKey(first, "kept")).startsWith("enc1:").doesNotContain(key);

        try (TestPlatform restarted = first.restart(UnaryOperator.identity());
                TestDevice device = TestDevice.overTls(restarted, "kept", key)) {
            assertThat(device.connect().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
            assertThat(restarted.rest().get("/devices/kept/credentials").ok().at("/symmetricKey/primaryKey").asText())
                    .isEqualTo(key);
        }
    }

    @Test
    void aDestinationsSecretsAreSealedInTheStateFileAndKeptAcrossARestart() throws Exception {
        TestPlatform first = TestPlatform.start();
        String destination = "{\"displayName\":\"Hook\",\"type\":\"webhook@v1\",\"url\":\"https://example.com/in\","
                + "\"headerCustomizations\":{\"X-Key\":{\"value\":\"header-secret\",\"secret\":true}},"
                + "\"authorization\":{\"type\":\"header\",\"value\":\"Bearer auth-secret\"}}";
        first.rest().put("/dataExport/destinations/hook", destination).ok();

        String stored = storedColumn(first, "SELECT config FROM data_export_destinations WHERE id = ?", "hook");
        assertThat(stored).contains("enc1:").doesNotContain("header-secret", "auth-secret");
        try (TestPlatform restarted = first.restart(UnaryOperator.identity())) {
            var answered = restarted.rest().get("/dataExport/destinations/hook").ok();
            assertThat(answered.at("/headerCustomizations/X-Key/value").asText()).isEqualTo("********");
            assertThat(answered.toString()).doesNotContain("header-secret", "auth-secret");
            restarted.rest().patch("/dataExport/destinations/hook", "{\"displayName\":\"Hook 2\"}").ok();
            assertThat(storedColumn(restarted, "SELECT config FROM data_export_destinations WHERE id = ?", "hook"))
                    .contains("enc1:", "Hook 2").doesNotContain("header-secret", "auth-secret", "********");
        }
    }

    @Test
    void theKeyCanBeGivenAsAFileOfBase64() throws Exception {
        TestPlatform first = TestPlatform.start();
        String key = first.createDevice("kept");
        Path copy = keys.resolve("shared.key");
        Files.writeString(copy, Base64.getEncoder().encodeToString(
                Files.readAllBytes(first.dataDir().resolve("secret.key"))) + "\n");

        try (TestPlatform restarted = first.restart(withKeyFile(copy));
                TestDevice device = TestDevice.overTls(restarted, "kept", key)) {
            assertThat(device.connect().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
        }
    }

    @Test
    void anotherKeyRefusesToStartWithAClearMessage() throws IOException {
        TestPlatform first = TestPlatform.start();
        first.createDevice("kept");
        Path other = keys.resolve("other.key");
        Files.write(other, new byte[32]);

        assertThatThrownBy(() -> first.restart(withKeyFile(other)).close())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("secret-key-file: " + other + " is not the key this state store's device and "
                        + "enrollment keys were encrypted with; start with the original key file");
    }

    @Test
    void aKeyFileOfTheWrongSizeIsAConfigurationError() throws IOException {
        TestPlatform first = TestPlatform.start();
        Path tooShort = keys.resolve("short.key");
        Files.writeString(tooShort, "c2hvcnQ=");

        assertThatThrownBy(() -> first.restart(withKeyFile(tooShort)).close())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("secret-key-file: " + tooShort + " must hold a 32-byte key, raw or base64");
    }

    private static UnaryOperator<ServerConfig> withKeyFile(Path file) {
        return config -> config.toBuilder().storage(config.storage().withSecretKeyFile(file)).build();
    }

    /** The devices.primary_key column as stored, read past the server with plain JDBC. */
    private static String storedPrimaryKey(TestPlatform platform, String device) throws SQLException {
        return storedColumn(platform, "SELECT primary_key FROM devices WHERE id = ?", device);
    }

    /** One column of one row as stored, read past the server with plain JDBC. */
    private static String storedColumn(TestPlatform platform, String sql, String id) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + platform.dataDir().resolve("state.db"));
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
