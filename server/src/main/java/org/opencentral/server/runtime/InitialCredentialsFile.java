package org.opencentral.server.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.opencentral.platform.security.Bootstrap.InitialCredentials;

/** Writes the first start's administrator API token to {@code <data-dir>/initial-admin-token}, mode 0600. */
public final class InitialCredentialsFile {
    public static final String NAME = "initial-admin-token";

    private InitialCredentialsFile() {
    }

    static void write(Path dataDir, InitialCredentials credentials) {
        Path file = dataDir.resolve(NAME);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, credentials.apiToken() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The text shown once on the console (never logged). */
    public static String banner(InitialCredentials credentials, Path dataDir) {
        StringBuilder text = new StringBuilder()
                .append("\n  OpenCentral was set up on this data directory.\n")
                .append("  Administrator: ").append(credentials.email()).append('\n');
        credentials.generatedPassword().ifPresent(password ->
                text.append("  Password:      ").append(password).append("   (generated; shown only now)\n"));
        text.append("  API token (App Administrator), also in ").append(dataDir.resolve(NAME)).append(":\n  ")
                .append(credentials.apiToken()).append("\n\n");
        return text.toString();
    }
}
