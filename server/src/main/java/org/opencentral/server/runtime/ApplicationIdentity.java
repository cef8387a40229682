package org.opencentral.server.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;

/**
 * The application's identity: its id (the {@code sr} of its API tokens) and its DPS ID scope.
 * Chosen on first start and kept in {@code <data-dir>/application.properties}.
 */
public record ApplicationIdentity(String applicationId, String idScope) {
    static final String FILE = "application.properties";

    public static ApplicationIdentity loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                return new ApplicationIdentity(require(properties, "applicationId", file),
                        require(properties, "idScope", file));
            }
            byte[] scope = new byte[5];
            new SecureRandom().nextBytes(scope);
            ApplicationIdentity identity = new ApplicationIdentity(UUID.randomUUID().toString(),
                    "0ne" + HexFormat.of().withUpperCase().formatHex(scope));
            Properties properties = new Properties();
            properties.setProperty("applicationId", identity.applicationId());
            properties.setProperty("idScope", identity.idScope());
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "OpenCentral application identity; do not edit");
            }
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static String require(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " lacks " + key);
        }
        return value;
    }
}
