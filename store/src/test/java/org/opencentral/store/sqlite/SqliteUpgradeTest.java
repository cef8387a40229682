package org.opencentral.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.sqlite.UpgradeFixtures.DEVICE;
import static org.opencentral.store.sqlite.UpgradeFixtures.PRIMARY_KEY;
import static org.opencentral.store.sqlite.UpgradeFixtures.SECONDARY_KEY;
import static org.opencentral.store.sqlite.UpgradeFixtures.TEMPLATE;
import static org.opencentral.store.sqlite.UpgradeFixtures.TEMPLATES_SINCE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.twin.Twin;
import org.opencentral.store.jdbc.Migrator;
import org.opencentral.store.secret.AesGcmSecretCipher;

/**
 * A state store written by each earlier schema version (the fixtures in {@code testdata/upgrade},
 * see {@code generate.sh} there) opens with the current version: the pending migrations run once,
 * the records written by the old version are all there, and the keys it kept in plaintext are
 * sealed at rest.
 */
class SqliteUpgradeTest {
    private static final Path FIXTURES = Path.of("../testdata/upgrade");

    @TempDir
    Path directory;

    static IntStream earlierVersions() {
        return UpgradeFixtures.earlierVersions();
    }

    @Test
    void everyEarlierVersionHasAFixture() {
        assertThat(earlierVersions().mapToObj(v -> UpgradeFixtures.fixture(FIXTURES, v)))
                .as("run testdata/upgrade/generate.sh after adding a migration").allMatch(Files::isRegularFile);
    }

    @ParameterizedTest(name = "written by V{0}")
    @MethodSource("earlierVersions")
    void aStoreWrittenByAnEarlierVersionOpensWithEverythingKept(int version) throws Exception {
        Path file = unpack(version);
        assertThat(versions(file)).containsExactlyElementsOf(
                UpgradeFixtures.earlierVersions().filter(v -> v <= version).boxed().toList());
        AesGcmSecretCipher cipher = AesGcmSecretCipher.random();

        try (StateStore store = SqliteStateStore.open(file, cipher)) {
            assertKept(store, version);
        }
        List<Integer> migrated = versions(file);
        assertThat(migrated).containsExactlyElementsOf(
                Migrator.migrations().stream().map(Migrator.Migration::version).toList());
        assertThat(plaintextKeys(file)).as("keys sealed at rest").isZero();

        List<Long> appliedAt = appliedAt(file);
        try (StateStore reopened = SqliteStateStore.open(file, cipher)) {
            assertKept(reopened, version);
        }
        assertThat(appliedAt(file)).as("migrations run forward once").isEqualTo(appliedAt);
    }

    private static void assertKept(StateStore store, int version) {
        Device device = store.devices().find(DeviceId.of(DEVICE)).orElseThrow();
        assertThat(device.displayName()).isEqualTo("Fixture device V" + version);
        assertThat(device.keys().primaryKey()).isEqualTo(PRIMARY_KEY);
        assertThat(device.keys().secondaryKey()).isEqualTo(SECONDARY_KEY);
        Twin twin = store.twins().find(DeviceId.of(DEVICE)).orElseThrow();
        assertThat(twin.desired().properties().path("targetTemperature").asInt()).isEqualTo(21);
        assertThat(twin.reported().properties().path("firmware").asText()).isEqualTo("1.0");
        assertThat(twin.reported().version()).isEqualTo(3);
        if (version >= TEMPLATES_SINCE) {
            assertThat(device.template()).contains(TEMPLATE);
            assertThat(store.templates().find(TEMPLATE).orElseThrow().capabilityModel().at("/contents/0/name")
                    .asText()).isEqualTo("temperature");
        }
    }

    private Path unpack(int version) throws IOException {
        Path file = directory.resolve("state.db");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(UpgradeFixtures.fixture(FIXTURES, version)))) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<Integer> versions(Path file) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        query(file, "SELECT version FROM schema_version ORDER BY version", row -> versions.add(row.getInt(1)));
        return versions;
    }

    private static List<Long> appliedAt(Path file) throws SQLException {
        List<Long> times = new ArrayList<>();
        query(file, "SELECT applied_at FROM schema_version ORDER BY version", row -> times.add(row.getLong(1)));
        return times;
    }

    private static int plaintextKeys(Path file) throws SQLException {
        int[] count = {0};
        query(file, "SELECT COUNT(*) FROM devices WHERE primary_key = '" + PRIMARY_KEY + "' OR secondary_key = '"
                + SECONDARY_KEY + "'", row -> count[0] = row.getInt(1));
        return count[0];
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Path file, String sql, RowReader reader) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }
}
