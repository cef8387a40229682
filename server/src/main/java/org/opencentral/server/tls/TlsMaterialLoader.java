package org.opencentral.server.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.server.config.ConfigError;
import org.opencentral.server.config.ConfigException;
import org.opencentral.server.config.ConfigKey;
import org.opencentral.server.config.TlsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the server's {@link TlsMaterial}: a configured PEM certificate and key (checked to match),
 * or a local CA and server certificate under the TLS directory, generated on first start and reused
 * afterwards. The server certificate is re-issued when it lacks a required name (the public host or
 * the machine name changed), is not signed by the CA, or expires within {@link #RENEW_BEFORE}; the CA
 * is re-created only when missing, unreadable or about to expire (clients must then trust the new one).
 */
public final class TlsMaterialLoader {
    public static final String CA_CERT = "ca.pem";
    public static final String CA_KEY = "ca-key.pem";
    public static final String SERVER_CERT = "server.pem";
    public static final String SERVER_KEY = "server-key.pem";
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterialLoader.class);

    private final Clock clock;
    private final String machineHostName;
    private final CertificateIssuer issuer;

    public TlsMaterialLoader(Clock clock, String machineHostName) {
        this.clock = clock;
        this.machineHostName = machineHostName;
        this.issuer = new CertificateIssuer(clock, new SecureRandom());
    }

    /**
     * @param config     the configured certificate, if any
     * @param tlsDir     where generated material lives, normally {@code <data-dir>/tls}
     * @param publicHost the host name devices use; always a SAN of the generated server certificate
     * @throws ConfigException      if a configured certificate or key cannot be used
     * @throws UncheckedIOException if generated material cannot be written
     */
    public TlsMaterial load(TlsConfig config, Path tlsDir, String publicHost) {
        return config.configured()
                .map(this::loadConfigured)
                .orElseGet(() -> loadGenerated(tlsDir, publicHost));
    }

    /** The names every generated server certificate carries. */
    Set<String> requiredNames(String publicHost) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : List.of("localhost", "127.0.0.1", "::1", publicHost, machineHostName)) {
            names.add(CertificateChecks.canonical(name));
        }
        return names;
    }

    private TlsMaterial loadConfigured(TlsConfig.CertificateFiles files) {
        List<X509Certificate> chain;
        PrivateKey key;
        try {
            chain = PemFiles.readCertificates(files.certificate());
            key = PemFiles.readPrivateKey(files.privateKey());
        } catch (IOException | RuntimeException e) {
            throw configError("cannot read the configured certificate or key: " + e.getMessage());
        }
        if (!CertificateChecks.keyMatches(key, chain.get(0).getPublicKey())) {
            throw configError("the private key in " + files.privateKey() + " does not belong to the certificate in "
                    + files.certificate());
        }
        if (!CertificateChecks.validFor(chain.get(0), clock.instant(), RENEW_BEFORE)) {
            LOG.warn("The configured certificate {} is not yet valid, expired or expires within {} days (not after {})",
                    files.certificate(), RENEW_BEFORE.toDays(), chain.get(0).getNotAfter().toInstant());
        }
        LOG.info("Using the configured TLS certificate {} for {}", files.certificate(),
                chain.get(0).getSubjectX500Principal().getName());
        return new TlsMaterial(key, chain, chain.get(chain.size() - 1));
    }

    private TlsMaterial loadGenerated(Path tlsDir, String publicHost) {
        try {
            Files.createDirectories(tlsDir);
            IssuedCertificate ca = readCa(tlsDir).orElseGet(() -> writeCa(tlsDir));
            Set<String> names = requiredNames(publicHost);
            IssuedCertificate server = readServer(tlsDir, ca, names).orElseGet(() -> writeServer(tlsDir, ca, publicHost, names));
            return new TlsMaterial(server.privateKey(), List.of(server.certificate()), ca.certificate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare TLS material in " + tlsDir, e);
        }
    }

    private Optional<IssuedCertificate> readCa(Path tlsDir) {
        return readPair(tlsDir.resolve(CA_CERT), tlsDir.resolve(CA_KEY)).filter(ca -> {
            boolean usable = CertificateChecks.validFor(ca.certificate(), clock.instant(), RENEW_BEFORE);
            if (!usable) {
                LOG.warn("The local CA {} expires within {} days: creating a new one; clients must trust the new {}",
                        tlsDir.resolve(CA_CERT), RENEW_BEFORE.toDays(), CA_CERT);
            }
            return usable;
        });
    }

    private Optional<IssuedCertificate> readServer(Path tlsDir, IssuedCertificate ca, Set<String> names) {
        return readPair(tlsDir.resolve(SERVER_CERT), tlsDir.resolve(SERVER_KEY)).filter(server -> {
            boolean usable = CertificateChecks.issuedBy(server.certificate(), ca.certificate())
                    && CertificateChecks.validFor(server.certificate(), clock.instant(), RENEW_BEFORE)
                    && CertificateChecks.subjectAltNames(server.certificate()).containsAll(names);
            if (!usable) {
                LOG.info("Re-issuing the server certificate: its names, issuer or validity no longer fit");
            }
            return usable;
        });
    }

    /** An existing certificate and matching key, or empty when absent or unusable. */
    private static Optional<IssuedCertificate> readPair(Path certFile, Path keyFile) {
        if (!Files.exists(certFile) || !Files.exists(keyFile)) {
            return Optional.empty();
        }
        try {
            X509Certificate certificate = PemFiles.readCertificates(certFile).get(0);
            PrivateKey key = PemFiles.readPrivateKey(keyFile);
            if (CertificateChecks.keyMatches(key, certificate.getPublicKey())) {
                return Optional.of(new IssuedCertificate(certificate, key));
            }
            LOG.warn("{} does not match {}: generating new ones", keyFile, certFile);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read {} or {} ({}): generating new ones", certFile, keyFile, e.getMessage());
        }
        return Optional.empty();
    }

    private IssuedCertificate writeCa(Path tlsDir) {
        IssuedCertificate ca = issuer.issueCa("OpenCentral local CA (" + machineHostName + ")");
        write(tlsDir.resolve(CA_CERT), tlsDir.resolve(CA_KEY), ca);
        LOG.info("Created a local certificate authority: devices and clients must trust {}", tlsDir.resolve(CA_CERT));
        return ca;
    }

    private IssuedCertificate writeServer(Path tlsDir, IssuedCertificate ca, String publicHost, Set<String> names) {
        IssuedCertificate server = issuer.issueServer(ca, publicHost, names);
        write(tlsDir.resolve(SERVER_CERT), tlsDir.resolve(SERVER_KEY), server);
        LOG.info("Issued the server certificate {} for {} (valid until {})", tlsDir.resolve(SERVER_CERT), names,
                server.certificate().getNotAfter().toInstant());
        return server;
    }

    private static void write(Path certFile, Path keyFile, IssuedCertificate issued) {
        try {
            PemFiles.writePrivateKey(keyFile, issued.privateKey());
            PemFiles.writeCertificates(certFile, List.of(issued.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + certFile, e);
        }
    }

    private static ConfigException configError(String message) {
        return new ConfigException(List.of(new ConfigError(Set.of(ConfigKey.TLS_CERT, ConfigKey.TLS_KEY),
                "tls-cert/tls-key: " + message)));
    }
}
