package org.opencentral.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A device fleet's root CA for tests (EC P-256, bcpkix): issues device certificates (CN = the
 * registration id) and proof-of-possession certificates (CN = the verification code).
 */
public final class TestCa {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final String name;
    private final KeyPair keys = keys();
    private final X509Certificate certificate;

    public TestCa(String name) {
        this.name = name;
        this.certificate = issue("CN=" + name, keys, true);
    }

    /** A device's certificate and private key, issued by a CA. */
    public record Issued(X509Certificate certificate, PrivateKey key, X509Certificate issuer) {
        /** A TLS client context presenting this certificate and trusting {@code serverCa}. */
        public SSLContext sslContext(X509Certificate serverCa) {
            try {
                char[] password = "test".toCharArray();
                KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
                keyStore.load(null);
                keyStore.setKeyEntry("device", key, password, new X509Certificate[] {certificate, issuer});
                KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keyStore, password);
                KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
                trustStore.load(null);
                trustStore.setCertificateEntry("server-ca", serverCa);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot build a client SSLContext", e);
            }
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String pem() {
        return pem(certificate);
    }

    /** A leaf certificate with subject CN {@code commonName}, signed by this CA. */
    public Issued issue(String commonName) {
        KeyPair leafKeys = keys();
        return new Issued(issue("CN=" + commonName, leafKeys, false), leafKeys.getPrivate(), certificate);
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate issue(String subject, KeyPair subjectKeys, boolean isCa) {
        try {
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            builder.addExtension(Extension.keyUsage, true, isCa
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
                    : new KeyUsage(KeyUsage.digitalSignature));
            var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
