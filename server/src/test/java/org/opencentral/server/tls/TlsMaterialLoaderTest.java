package org.opencentral.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.server.config.ConfigException;
import org.opencentral.server.config.TlsConfig;

class TlsMaterialLoaderTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dataDir;

    private Path tlsDir() {
        return dataDir.resolve("tls");
    }

    private static TlsMaterialLoader loaderAt(Instant now) {
        return new TlsMaterialLoader(Clock.fixed(now, ZoneOffset.UTC), "machine-name");
    }

    private TlsMaterial loadGenerated(Instant now, String publicHost) {
        return loaderAt(now).load(TlsConfig.generated(), tlsDir(), publicHost);
    }

    @Test
    void firstStartCreatesALocalCaAndServerCertificateWithPrivateKeysOnlyForTheOwner() throws IOException {
        TlsMaterial material = loadGenerated(NOW, "iot.example.com");

        assertThat(tlsDir().resolve("ca.pem")).exists();
        assertThat(tlsDir().resolve("server.pem")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tlsDir().resolve("ca-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tlsDir().resolve("server-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tlsDir().resolve("ca.pem"))))
                .isEqualTo("rw-r--r--");
        assertThat(PemFiles.readCertificates(tlsDir().resolve("ca.pem"))).containsExactly(material.caCertificate());
        assertThat(material.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(material.certificateChain()).containsExactly(material.serverCertificate());
    }

    @Test
    void theServerCertificateNamesEveryWayToReachThisMachineAndIsSignedByTheCa() {
        TlsMaterial material = loadGenerated(NOW, "iot.example.com");

        assertThat(CertificateChecks.subjectAltNames(material.serverCertificate())).containsExactlyInAnyOrder(
                "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "iot.example.com", "machine-name");
        assertThat(CertificateChecks.issuedBy(material.serverCertificate(), material.caCertificate())).isTrue();
        assertThat(material.caCertificate().getBasicConstraints()).isZero();
        assertThat(material.serverCertificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(material.serverCertificate().getNotAfter().toInstant())
                .isEqualTo(NOW.plus(CertificateIssuer.SERVER_VALIDITY).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(material.caCertificate().getNotAfter().toInstant())
                .isEqualTo(NOW.plus(CertificateIssuer.CA_VALIDITY));
    }

    @Test
    void anIpAddressAsPublicHostBecomesAnIpSan() {
        TlsMaterial material = loadGenerated(NOW, "192.0.2.10");

        assertThat(CertificateChecks.subjectAltNames(material.serverCertificate())).contains("192.0.2.10");
    }

    @Test
    void aRestartReusesTheGeneratedMaterial() throws IOException {
        TlsMaterial first = loadGenerated(NOW, "iot.example.com");
        String serverPem = Files.readString(tlsDir().resolve("server.pem"));

        TlsMaterial second = loadGenerated(NOW.plus(Duration.ofDays(100)), "iot.example.com");

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.serverCertificate()).isEqualTo(first.serverCertificate());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(Files.readString(tlsDir().resolve("server.pem"))).isEqualTo(serverPem);
    }

    @Test
    void aChangedPublicHostReissuesTheServerCertificateUnderTheSameCa() {
        TlsMaterial first = loadGenerated(NOW, "old.example.com");

        TlsMaterial second = loadGenerated(NOW, "new.example.com");

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.serverCertificate()).isNotEqualTo(first.serverCertificate());
        assertThat(CertificateChecks.subjectAltNames(second.serverCertificate()))
                .contains("new.example.com").doesNotContain("old.example.com");
    }

    @Test
    void aServerCertificateNearItsExpiryIsReissued() {
        TlsMaterial first = loadGenerated(NOW, "iot.example.com");
        Instant nearExpiry = first.serverCertificate().getNotAfter().toInstant().minus(Duration.ofDays(10));

        TlsMaterial second = loadGenerated(nearExpiry, "iot.example.com");

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.serverCertificate().getNotAfter()).isAfter(first.serverCertificate().getNotAfter());
    }

    @Test
    void aDamagedCaKeyCreatesANewCaAndServerCertificate() throws IOException {
        TlsMaterial first = loadGenerated(NOW, "iot.example.com");
        Files.writeString(tlsDir().resolve("ca-key.pem"), "garbage");

        TlsMaterial second = loadGenerated(NOW, "iot.example.com");

        assertThat(second.caCertificate()).isNotEqualTo(first.caCertificate());
        assertThat(CertificateChecks.issuedBy(second.serverCertificate(), second.caCertificate())).isTrue();
    }

    @Test
    void aConfiguredCertificateAndKeyReplaceTheGeneratedOnes() throws IOException {
        CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC(), new SecureRandom());
        IssuedCertificate otherCa = issuer.issueCa("Corporate CA");
        IssuedCertificate server = issuer.issueServer(otherCa, "iot.corp.example", List.of("iot.corp.example"));
        Path cert = dataDir.resolve("corp.pem");
        Path key = dataDir.resolve("corp-key.pem");
        PemFiles.writeCertificates(cert, List.of(server.certificate(), otherCa.certificate()));
        PemFiles.writePrivateKey(key, server.privateKey());

        TlsMaterial material = loaderAt(Instant.now()).load(TlsConfig.of(cert, key), tlsDir(), "iot.corp.example");

        assertThat(material.certificateChain()).containsExactly(server.certificate(), otherCa.certificate());
        assertThat(material.caCertificate()).isEqualTo(otherCa.certificate());
        assertThat(material.privateKey().getEncoded()).isEqualTo(server.privateKey().getEncoded());
        assertThat(tlsDir()).doesNotExist();
    }

    @Test
    void aConfiguredKeyThatDoesNotMatchTheCertificateIsRefused() throws IOException {
        CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC(), new SecureRandom());
        IssuedCertificate ca = issuer.issueCa("Corporate CA");
        IssuedCertificate server = issuer.issueServer(ca, "iot.corp.example", List.of("iot.corp.example"));
        Path cert = dataDir.resolve("corp.pem");
        Path key = dataDir.resolve("wrong-key.pem");
        PemFiles.writeCertificates(cert, List.of(server.certificate()));
        PemFiles.writePrivateKey(key, ca.privateKey());

        assertThatThrownBy(() -> loaderAt(Instant.now()).load(TlsConfig.of(cert, key), tlsDir(), "h"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void theStringFormNeverShowsTheKey() {
        TlsMaterial material = loadGenerated(NOW, "iot.example.com");

        assertThat(material.toString()).contains("iot.example.com").doesNotContain("private");
    }
}
