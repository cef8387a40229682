package org.opencentral.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.store.jdbc.Migrator;
import org.opencentral.server.config.ConfigLoader;
import org.opencentral.server.config.ServerConfig;
import picocli.CommandLine;

/**
 * The refusals of {@code opencentral backup} and {@code restore} (a backup that goes through is in
 * {@code it}'s {@code BackupRestoreTest}): no server, no manifest, a damaged or incomplete backup, a
 * manifest naming a file outside the backup, a newer schema, a non-empty data directory; a refused
 * restore writes nothing.
 */
class BackupCommandsTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String KEY_SHA256 = "3eb1bd439947eb762998e566ccc2e099c791118b2f40579cc4f7da2b5061b7f9";

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = OpenCentralCommand.create(new ConfigLoader(Map.of(), ServerConfig.defaults("testhost")),
                config -> 0);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private Path backup(String files, int schemaVersion) throws Exception {
        Path backup = Files.createDirectories(temp.resolve("backup"));
        Files.writeString(backup.resolve("secret.key"), KEY);
        Files.writeString(backup.resolve("manifest.json"), "{\"format\":1,\"writtenBy\":\"opencentral test\","
                + "\"stateSchemaVersion\":" + schemaVersion + ",\"eventLogPosition\":7,"
                + "\"createdAt\":\"2026-12-06T00:00:00Z\",\"files\":{" + files + "}}");
        return backup;
    }

    private Run restore(Path backup, Path dataDir) {
        return run("restore", "--from", backup.toString(), "--data-dir", dataDir.toString());
    }

    @Test
    void backupWithoutARunningServerSaysSo() {
        Run run = run("backup", "--data-dir", temp.toString(), "--to", temp.resolve("b").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no OpenCentral server is running on " + temp, "control.sock");
    }

    @Test
    void aDirectoryWithoutManifestIsNoBackup() {
        Run run = restore(temp, temp.resolve("data"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not a complete OpenCentral backup: it has no manifest.json");
        assertThat(temp.resolve("data")).doesNotExist();
    }

    @Test
    void aCompleteBackupIsRestoredAndADamagedOneRefused() throws Exception {
        String entry = "\"secret.key\":{\"bytes\":32,\"sha256\":\"" + KEY_SHA256 + "\"}";
        Path backup = backup(entry, Migrator.latestVersion());
        Run restored = restore(backup, temp.resolve("data"));
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("checked 1 files", "event log position 7", "secret.key: 32 bytes");
        assertThat(temp.resolve("data/secret.key")).hasContent(KEY);

        Files.writeString(backup.resolve("secret.key"), KEY.toUpperCase());
        Run damaged = restore(backup, temp.resolve("other"));
        assertThat(damaged.exitCode()).isEqualTo(1);
        assertThat(damaged.err()).contains("the backup is damaged", "secret.key");
        assertThat(temp.resolve("other")).doesNotExist();
    }

    @Test
    void refusalsNameTheirReason() throws Exception {
        Path backup = backup("\"state.db\":{\"bytes\":1,\"sha256\":\"00\"}", Migrator.latestVersion());
        assertThat(restore(backup, temp.resolve("d1")).err()).contains("the backup is incomplete", "state.db");

        Files.delete(backup.resolve("manifest.json"));
        backup = backup("\"../outside\":{\"bytes\":1,\"sha256\":\"00\"}", Migrator.latestVersion());
        assertThat(restore(backup, temp.resolve("d2")).err()).contains("names a file outside the backup");

        Files.delete(backup.resolve("manifest.json"));
        backup = backup("", Migrator.latestVersion() + 1);
        assertThat(restore(backup, temp.resolve("d3")).err()).contains("newer than this binary's");

        Files.delete(backup.resolve("manifest.json"));
        backup = backup("", Migrator.latestVersion());
        Files.createDirectories(temp.resolve("full")).resolve("state.db").toFile().createNewFile();
        Run full = restore(backup, temp.resolve("full"));
        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(full.err()).contains("is not empty");
    }
}
