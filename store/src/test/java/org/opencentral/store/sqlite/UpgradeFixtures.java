package org.opencentral.store.sqlite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.store.jdbc.Migrator;

/**
 * Writes the upgrade fixtures that {@link SqliteUpgradeTest} opens: for each schema version N
 * before the newest, a state store migrated to exactly N (the migration runner stopped at N, as
 * the binary that shipped N left it) holding the records that version could store, written with
 * the SQL of that version: a device with its keys in plaintext (versions from V8 on seal them
 * when a store opens, the same pass an upgrade from V7 runs), its twin and, from V4 on, a device
 * template the device uses. Not a test: {@code testdata/upgrade/generate.sh} runs it when a
 * migration is added; it is skipped otherwise.
 */
@EnabledIfSystemProperty(named = UpgradeFixtures.OUTPUT, matches = ".+")
class UpgradeFixtures {
    static final String OUTPUT = "opencentral.upgradeFixtures";
    static final String DEVICE = "fixture-device";
    static final String PRIMARY_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String SECONDARY_KEY = "HxwdGhsYGRYXFBUSExARDg8MDQoLCAkGBwQFAgMAAQ==";
    static final String TEMPLATE = "dtmi:opencentral:fixture:thermostat;1";
    static final int TEMPLATES_SINCE = 4;

    @TempDir
    Path work;

    /** The file of the fixture at {@code version}. */
    static Path fixture(Path directory, int version) {
        return directory.resolve("state-v" + version + ".db.gz");
    }

    /** The schema versions before the newest, as migrations.txt lists them (numbers may have gaps). */
    static IntStream earlierVersions() {
        return Migrator.migrations().stream().mapToInt(Migrator.Migration::version)
                .filter(version -> version < Migrator.latestVersion());
    }

    @Test
    void writeOneFixturePerEarlierVersion() throws IOException {
        Path output = Path.of(System.getProperty(OUTPUT));
        Files.createDirectories(output);
        for (int version : earlierVersions().toArray()) {
            Path file = work.resolve("v" + version + ".db");
            try (SqliteDatabase database = SqliteDatabase.open(file)) {
                new Migrator(database, Clock.systemUTC()).migrateTo(version);
                int atVersion = version;
                database.write(connection -> insertRecords(connection, atVersion));
            } // closing the last connection checkpoints the WAL into the file
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(fixture(output, version)))) {
                Files.copy(file, out);
            }
        }
    }

    private static Void insertRecords(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (version >= TEMPLATES_SINCE) {
                statement.execute("INSERT INTO device_templates (id, model_id, types, display_name, description, "
                        + "capability_model, etag, created_at) VALUES ('" + TEMPLATE + "', '" + TEMPLATE + "', "
                        + "'[\"ModelDefinition\",\"DeviceModel\"]', 'Fixture thermostat', 'written by V" + version
                        + "', '{\"@id\":\"" + TEMPLATE + "\",\"@type\":\"Interface\",\"contents\":[{\"@type\":"
                        + "\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"}]}', '\"t1\"', 1700000000000)");
            }
            statement.execute("INSERT INTO devices (id, display_name, template, enabled, simulated, provisioned, etag, "
                    + "primary_key, secondary_key, model_id, connected, last_activity, created_at) VALUES ('" + DEVICE
                    + "', 'Fixture device V" + version + "', " + (version >= TEMPLATES_SINCE ? "'" + TEMPLATE + "'"
                    : "NULL") + ", 1, 0, 0, '\"d1\"', '" + PRIMARY_KEY + "', '" + SECONDARY_KEY
                    + "', NULL, 0, NULL, 1700000000000)");
            statement.execute("INSERT INTO twins (device_id, desired_properties, desired_metadata, desired_version, "
                    + "reported_properties, reported_metadata, reported_version) VALUES ('" + DEVICE + "', "
                    + "'{\"targetTemperature\":21}', '{}', 2, '{\"firmware\":\"1.0\"}', '{}', 3)");
        }
        return null;
    }
}
