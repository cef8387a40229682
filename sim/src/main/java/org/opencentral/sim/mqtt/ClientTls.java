package org.opencentral.sim.mqtt;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/** Client TLS contexts: trusting the CA certificates of a PEM file, or (for experiments) anything. */
public final class ClientTls {
    private ClientTls() {
    }

    /** Trusts the certificates in {@code caPem} (e.g. OpenCentral's {@code <data-dir>/tls/ca.pem}). */
    public static SslContext trusting(Path caPem) throws IOException {
        return trusting(readCertificates(caPem));
    }

    public static SslContext trusting(List<X509Certificate> cas) throws SSLException {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager(cas.toArray(X509Certificate[]::new)).protocols("TLSv1.3", "TLSv1.2").build();
    }

    /** Accepts any server certificate: for brokers whose CA is at hand only as a file elsewhere. */
    public static SslContext trustingAnything() throws SSLException {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols("TLSv1.3", "TLSv1.2").build();
    }

    static List<X509Certificate> readCertificates(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IOException("no certificate in " + pem);
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IOException("cannot read certificates from " + pem + ": " + e.getMessage(), e);
        }
    }
}
