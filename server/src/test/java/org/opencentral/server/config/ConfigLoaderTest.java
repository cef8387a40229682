package org.opencentral.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path temp;

    private LoadedConfig load(Map<String, String> env, Map<ConfigKey, String> flags, Optional<Path> file) {
        ServerConfig defaults = ServerConfig.defaults("testhost").toBuilder().dataDir(temp.resolve("data")).build();
        return new ConfigLoader(env, defaults).load(flags, file);
    }

    private Path file(String content) throws IOException {
        return Files.writeString(temp.resolve("opencentral.properties"), content);
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        LoadedConfig loaded = load(Map.of(), Map.of(), Optional.empty());

        ServerConfig config = loaded.config();
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.mqtt().mqttsPort()).isEqualTo(8883);
        assertThat(config.mqtt().plainPort()).hasValue(1883);
        assertThat(config.mqtt().plainBindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.mqtt().httpsPort()).hasValue(8443);
        assertThat(config.publicHost()).isEqualTo("testhost");
        assertThat(config.tls().configured()).isEmpty();
        assertThat(config.admin().email()).isEqualTo("admin@localhost");
        assertThat(config.admin().password()).isEmpty();
        assertThat(config.limits().maxMessageBytes()).isEqualTo(262_144);
        assertThat(config.limits().maxRunningJobs()).isEqualTo(5);
        assertThat(config.log()).isEqualTo(LogConfig.defaults());
        assertThat(loaded.originOf(ConfigKey.HTTP_PORT)).isEqualTo(Origin.DEFAULT);
    }

    @Test
    void fileOverridesDefaultsEnvironmentOverridesFileAndFlagsOverrideEverything() throws IOException {
        Path file = file("""
                # comments and blank values are allowed
                http-port = 1001
                mqtts-port = 1002
                https-port = 1003
                public-host = from-file.example
                tls-cert =
                """);
        Map<String, String> env = Map.of("OPENCENTRAL_MQTTS_PORT", "2002", "OPENCENTRAL_HTTPS_PORT", "2003",
                "OPENCENTRAL_LOG_FORMAT", "json");
        Map<ConfigKey, String> flags = new EnumMap<>(Map.of(ConfigKey.HTTPS_PORT, "3003"));

        LoadedConfig loaded = load(env, flags, Optional.of(file));

        assertThat(loaded.config().http().port()).isEqualTo(1001);
        assertThat(loaded.config().mqtt().mqttsPort()).isEqualTo(2002);
        assertThat(loaded.config().mqtt().httpsPort()).hasValue(3003);
        assertThat(loaded.config().publicHost()).isEqualTo("from-file.example");
        assertThat(loaded.config().log().format()).isEqualTo(LogConfig.Format.JSON);
        assertThat(loaded.originOf(ConfigKey.HTTP_PORT)).isEqualTo(Origin.FILE);
        assertThat(loaded.originOf(ConfigKey.MQTTS_PORT)).isEqualTo(Origin.ENVIRONMENT);
        assertThat(loaded.originOf(ConfigKey.HTTPS_PORT)).isEqualTo(Origin.COMMAND_LINE);
        assertThat(loaded.originOf(ConfigKey.MQTT_PORT)).isEqualTo(Origin.DEFAULT);
    }

    @Test
    void theConfigFileCanBeNamedByTheEnvironment() throws IOException {
        Path file = file("http-port = 9090\n");

        LoadedConfig loaded = load(Map.of("OPENCENTRAL_CONFIG", file.toString()), Map.of(), Optional.empty());

        assertThat(loaded.config().http().port()).isEqualTo(9090);
    }

    @Test
    void theNumberOfRunningJobsIsConfigurable() {
        LoadedConfig loaded = load(Map.of("OPENCENTRAL_MAX_RUNNING_JOBS", "2"), Map.of(), Optional.empty());

        assertThat(loaded.config().limits().maxRunningJobs()).isEqualTo(2);
        assertThatThrownBy(() -> load(Map.of("OPENCENTRAL_MAX_RUNNING_JOBS", "0"), Map.of(), Optional.empty()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).contains("max-running-jobs", "out of range")));
    }

    @Test
    void portZeroDisablesPlainMqttAndHttps() {
        LoadedConfig loaded = load(Map.of("OPENCENTRAL_MQTT_PORT", "0"), Map.of(ConfigKey.HTTPS_PORT, "0"),
                Optional.empty());

        assertThat(loaded.config().mqtt().plainPort()).isEqualTo(OptionalInt.empty());
        assertThat(loaded.config().mqtt().httpsPort()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void adminCredentialsComeFromTheEnvironment() {
        LoadedConfig loaded = load(Map.of("OPENCENTRAL_ADMIN_EMAIL", "ops@example.com",
                "OPENCENTRAL_ADMIN_PASSWORD", "correct horse"), Map.of(), Optional.empty());

        assertThat(loaded.config().admin().email()).isEqualTo("ops@example.com");
        assertThat(loaded.config().admin().password()).hasValue("correct horse");
        assertThat(loaded.config().admin().toString()).doesNotContain("correct horse");
    }

    @Test
    void configuredCertificateAndKeyAreResolvedToAbsolutePaths() throws IOException {
        Path cert = Files.writeString(temp.resolve("cert.pem"), "x");
        Path key = Files.writeString(temp.resolve("key.pem"), "x");

        LoadedConfig loaded = load(Map.of(), Map.of(ConfigKey.TLS_CERT, cert.toString(), ConfigKey.TLS_KEY,
                key.toString()), Optional.empty());

        assertThat(loaded.config().tls()).isEqualTo(TlsConfig.of(cert, key));
        assertThat(loaded.config().tls().configured().orElseThrow().certificate()).isAbsolute();
    }

    @Test
    void everyErrorIsReportedAtOnce() throws IOException {
        Path file = file("http-port = 80x\nno-such-key = 1\n");
        Map<String, String> env = Map.of(
                "OPENCENTRAL_MQTTS_PORT", "70000",
                "OPENCENTRAL_LOG_FORMAT", "xml",
                "OPENCENTRAL_ADMIN_EMAIL", "not-an-email",
                "OPENCENTRAL_ADMIN_PASSWORD", "short");
        Map<ConfigKey, String> flags = Map.of(
                ConfigKey.MQTT_PORT, "8443",
                ConfigKey.TLS_CERT, temp.resolve("missing.pem").toString(),
                ConfigKey.PUBLIC_HOST, "bad host!",
                ConfigKey.DEVICE_MESSAGE_RATE, "500");

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> load(env, flags, Optional.of(file)));

        assertThat(error.errors()).extracting(ConfigError::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("http-port", "'80x'", "opencentral.properties", "not a whole number"),
                m -> assertThat(m).contains("unknown key 'no-such-key'"),
                m -> assertThat(m).contains("mqtts-port", "OPENCENTRAL_MQTTS_PORT", "out of range"),
                m -> assertThat(m).contains("log-format", "'xml'", "text, json"),
                m -> assertThat(m).contains("admin-email"),
                m -> assertThat(m).contains("admin-password", "at least 8").doesNotContain("short"),
                m -> assertThat(m).contains("mqtt-port and https-port both use port 8443"),
                m -> assertThat(m).contains("tls-cert and tls-key must be set together"),
                m -> assertThat(m).contains("public-host", "bad host!"),
                m -> assertThat(m).contains("device-message-burst (200) must be at least device-message-rate (500)"));
        assertThat(error.getMessage()).startsWith("invalid configuration (10 errors):");
    }

    @Test
    void queryLimitsComeFromTheEnvironmentAndFlagsAndAreValidated() {
        LoadedConfig loaded = load(Map.of("OPENCENTRAL_QUERY_MAX_LENGTH", "350",
                "OPENCENTRAL_QUERY_MAX_TELEMETRY_ROWS", "10000"),
                Map.of(ConfigKey.QUERY_MAX_PROPERTY_ROWS, "1000", ConfigKey.QUERY_TIMEOUT, "250"), Optional.empty());

        assertThat(loaded.config().query()).isEqualTo(new QueryConfig(350, 10_000, 1_000, java.time.Duration.ofMillis(250)));
        assertThat(load(Map.of(), Map.of(), Optional.empty()).config().query()).isEqualTo(QueryConfig.defaults());
        assertThatThrownBy(() -> load(Map.of(), Map.of(ConfigKey.QUERY_TIMEOUT, "0"), Optional.empty()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).contains("query-timeout", "out of range")));
    }

    @Test
    void theEventLogsCommitIntervalComesFromTheEnvironmentOrAFlagAndIsValidated() {
        assertThat(load(Map.of("OPENCENTRAL_EVENT_LOG_COMMIT_INTERVAL", "5"), Map.of(), Optional.empty())
                .config().storage().commitCadence().interval()).isEqualTo(java.time.Duration.ofMillis(5));
        assertThat(load(Map.of(), Map.of(ConfigKey.EVENT_LOG_COMMIT_INTERVAL, "0"), Optional.empty())
                .config().storage().commitInterval()).isZero();
        assertThat(load(Map.of(), Map.of(), Optional.empty()).config().storage().commitInterval())
                .isEqualTo(StorageConfig.DEFAULT_COMMIT_INTERVAL);
        assertThatThrownBy(() -> load(Map.of(), Map.of(ConfigKey.EVENT_LOG_COMMIT_INTERVAL, "1001"), Optional.empty()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).contains("event-log-commit-interval", "out of range")));
    }

    @Test
    void dataExportRetriesComeFromTheEnvironmentAndFlagsAndAreValidated() {
        LoadedConfig loaded = load(Map.of("OPENCENTRAL_EXPORT_RETRY_FOR", "120"),
                Map.of(ConfigKey.EXPORT_RECHECK_INTERVAL, "30"), Optional.empty());

        assertThat(loaded.config().exports()).isEqualTo(new ExportConfig(java.time.Duration.ofMinutes(2),
                java.time.Duration.ofSeconds(30)));
        assertThat(load(Map.of(), Map.of(), Optional.empty()).config().exports()).isEqualTo(ExportConfig.defaults());
        assertThatThrownBy(() -> load(Map.of(), Map.of(ConfigKey.EXPORT_RETRY_FOR, "0"), Optional.empty()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).contains("export-retry-for", "out of range")));
    }

    @Test
    void theMessageSizeLimitIsConfiguredOnceAndKeptWithinWhatMqttCanCarry() {
        LoadedConfig loaded = load(Map.of("OPENCENTRAL_MAX_MESSAGE_SIZE", "524288"), Map.of(), Optional.empty());

        assertThat(loaded.config().limits().messageSize().maxBytes()).isEqualTo(524_288);
        for (String outOfRange : List.of("1023", "268419072")) {
            assertThatThrownBy(() -> load(Map.of(), Map.of(ConfigKey.MAX_MESSAGE_SIZE, outOfRange), Optional.empty()))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).singleElement()
                            .satisfies(err -> assertThat(err.message()).contains("max-message-size",
                                    "out of range 1024..268419071")));
        }
    }

    @Test
    void aValueThatDoesNotParseCausesNoFollowUpErrors() {
        // mqtts-port falls back to its default 8883 internally; that must not be reported as a clash.
        Map<ConfigKey, String> flags = Map.of(ConfigKey.MQTTS_PORT, "abc", ConfigKey.HTTPS_PORT, "8883");

        assertThatThrownBy(() -> load(Map.of(), flags, Optional.empty()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).contains("mqtts-port", "--mqtts-port")));
    }

    @Test
    void unreadableFilesAndABadDataDirAreReported() throws IOException {
        Path notADir = Files.writeString(temp.resolve("plain-file"), "x");
        Path cert = temp.resolve("nope-cert.pem");
        Path key = temp.resolve("nope-key.pem");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> load(Map.of(),
                Map.of(ConfigKey.DATA_DIR, notADir.toString(), ConfigKey.TLS_CERT, cert.toString(),
                        ConfigKey.TLS_KEY, key.toString()), Optional.empty()));

        assertThat(error.errors()).extracting(ConfigError::message).containsExactlyInAnyOrder(
                "data-dir: " + notADir + " exists and is not a directory",
                "tls-cert: " + cert + " does not exist or is not a file",
                "tls-key: " + key + " does not exist or is not a file");
    }

    @Test
    void aMissingConfigFileIsAnError() {
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> load(Map.of(), Map.of(), Optional.of(temp.resolve("absent.properties"))));

        assertThat(error.errors()).extracting(ConfigError::message)
                .singleElement().asString().contains("absent.properties", "cannot be read");
    }

    @Test
    void listenerPortsMustBeDistinctButFreePortsMayRepeat() {
        List<ConfigError> clash = ConfigValidator.validate(ServerConfig.defaults("h").toBuilder().dataDir(temp)
                .http(new HttpConfig("0.0.0.0", 8883)).build());
        List<ConfigError> ephemeral = ConfigValidator.validate(ServerConfig.defaults("h").toBuilder().dataDir(temp)
                .http(new HttpConfig("0.0.0.0", 0))
                .mqtt(new MqttConfig("0.0.0.0", 0, OptionalInt.of(0), OptionalInt.of(0))).build());

        assertThat(clash).extracting(ConfigError::message)
                .containsExactly("http-port and mqtts-port both use port 8883; each listener needs its own port");
        assertThat(ephemeral).isEmpty();
    }

    @Test
    void smtpIsConfiguredFromTheEnvironmentWithItsPasswordNeverAFlag() {
        LoadedConfig loaded = load(Map.of("OPENCENTRAL_SMTP_HOST", "mail.example.com", "OPENCENTRAL_SMTP_PORT", "465",
                "OPENCENTRAL_SMTP_SECURITY", "tls", "OPENCENTRAL_SMTP_USER", "ops",
                "OPENCENTRAL_SMTP_PASSWORD", "hunter22", "OPENCENTRAL_SMTP_FROM", "alerts@example.com"),
                Map.of(), Optional.empty());

        SmtpConfig smtp = loaded.config().smtp();
        assertThat(smtp).isEqualTo(new SmtpConfig(Optional.of("mail.example.com"), 465, SmtpConfig.Security.TLS,
                Optional.of("ops"), Optional.of("hunter22"), "alerts@example.com"));
        assertThat(ConfigKey.SMTP_PASSWORD.flag()).isEmpty();
        assertThat(load(Map.of(), Map.of(), Optional.empty()).config().smtp().enabled()).isFalse();
    }
}
