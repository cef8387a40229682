package org.opencentral.server.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.server.config.ConfigError;
import org.opencentral.server.config.ConfigException;
import org.opencentral.server.config.ConfigKey;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that seals device and enrollment keys in the state store: the file {@code --secret-key-file}
 * names, else {@code <data-dir>/secret.key}, which the first start creates (32 random bytes, mode
 * 0600). A key file holds 32 bytes, raw or base64 ({@code openssl rand 32} or {@code openssl rand -base64 32}).
 * The key is never logged.
 */
final class SecretKeyFile {
    static final String NAME = "secret.key";
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private SecretKeyFile() {
    }

    /** The configured key file, or {@code <data-dir>/secret.key}, created if missing. */
    static AesGcmSecretCipher load(Optional<Path> configured, Path dataDir) {
        Path file = path(configured, dataDir);
        if (configured.isEmpty()) {
            createIfMissing(file);
        }
        byte[] key = read(file);
        try {
            return AesGcmSecretCipher.of(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Where the key comes from, for messages. */
    static Path path(Optional<Path> configured, Path dataDir) {
        return configured.orElseGet(() -> dataDir.resolve(NAME));
    }

    private static void createIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        byte[] key = AesGcmSecretCipher.newKey();
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, key);
            LOG.info("created the secret key {}; keep a copy: the device keys in the state store cannot be read "
                    + "without it", file);
        } catch (FileAlreadyExistsException e) {
            LOG.debug("{} was created concurrently", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] read(Path file) {
        byte[] content;
        try {
            warnIfOthersCanRead(file);
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw invalid(file, "does not exist");
        } catch (IOException e) {
            throw invalid(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (content.length == AesGcmSecretCipher.KEY_BYTES) {
            return content;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).strip());
            if (decoded.length == AesGcmSecretCipher.KEY_BYTES) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // neither raw nor base64: reported below
        } finally {
            Arrays.fill(content, (byte) 0);
        }
        throw invalid(file, "must hold a 32-byte key, raw or base64 (e.g. openssl rand -base64 32)");
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            LOG.warn("{} can be read or written by other users; restrict it with chmod 600", file);
        }
    }

    static ConfigException invalid(Path file, String problem) {
        return new ConfigException(List.of(ConfigError.of(ConfigKey.SECRET_KEY_FILE,
                "secret-key-file: " + file + " " + problem)));
    }
}
