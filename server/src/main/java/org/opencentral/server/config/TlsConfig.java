package org.opencentral.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's TLS identity.
 *
 * @param configured a PEM certificate (chain) and private key to use; empty to generate a local CA
 *                   and a server certificate under {@code <data-dir>/tls}
 */
public record TlsConfig(Optional<CertificateFiles> configured) {

    public TlsConfig {
        Objects.requireNonNull(configured, "configured");
    }

    /** Generate (and reuse) a local CA and server certificate. */
    public static TlsConfig generated() {
        return new TlsConfig(Optional.empty());
    }

    public static TlsConfig of(Path certificateFile, Path privateKeyFile) {
        return new TlsConfig(Optional.of(new CertificateFiles(certificateFile, privateKeyFile)));
    }

    /**
     * A configured certificate and its key.
     *
     * @param certificate PEM file: the server certificate first, then any intermediates (and root)
     * @param privateKey  PEM file: the private key (PKCS#8 or traditional), unencrypted
     */
    public record CertificateFiles(Path certificate, Path privateKey) {
        public CertificateFiles {
            certificate = Objects.requireNonNull(certificate, "certificate").toAbsolutePath().normalize();
            privateKey = Objects.requireNonNull(privateKey, "privateKey").toAbsolutePath().normalize();
        }
    }
}
