package org.opencentral.sim.client;

import io.netty.handler.ssl.OpenSsl;
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

/**
 * Client TLS contexts: trusting the CA certificates of a PEM file, or (for experiments) anything. On
 * BoringSSL where netty-tcnative loads (else the JDK's provider; {@code -Dio.netty.handler.ssl.noOpenSsl=true}
 * in {@code SIM_JAVA_OPTS} forces the JDK's): with the JDK's, 1,000 handshakes in flight made the
 * load generator, not the server, the limit of a connect storm on two cores. Sessions are not resumed
 * ({@code MqttClient}, {@code AmqpClient}): each connection is a device of its own.
 */
public final class ClientTls {
    private ClientTls() {
    }

    /** Trusts the certificates in {@code caPem} (e.g. OpenCentral's {@code <data-dir>/tls/ca.pem}). */
    public static SslContext trusting(Path caPem) throws IOException {
        return trusting(readCertificates(caPem));
    }

    /**
     * Trusts {@code cas}, by the chain only: connections carry no peer host (every one a full
     * handshake, see {@code MqttClient}), so there is no name to check.
     */
    public static SslContext trusting(List<X509Certificate> cas) throws SSLException {
        return SslContextBuilder.forClient().sslProvider(provider()).endpointIdentificationAlgorithm(null)
                .trustManager(cas.toArray(X509Certificate[]::new)).protocols("TLSv1.3", "TLSv1.2").build();
    }

    /** Accepts any server certificate: for brokers whose CA is at hand only as a file elsewhere. */
    public static SslContext trustingAnything() throws SSLException {
        return SslContextBuilder.forClient().sslProvider(provider()).endpointIdentificationAlgorithm(null)
                .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols("TLSv1.3", "TLSv1.2").build();
    }

    /** BoringSSL when its native library loads here, else the JDK's provider. */
    public static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
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
