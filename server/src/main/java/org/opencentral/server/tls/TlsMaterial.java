package org.opencentral.server.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS identity, ready for listeners: for Netty,
 * {@code SslContextBuilder.forServer(material.privateKey(), material.certificateChain())}.
 *
 * @param privateKey     the server certificate's private key
 * @param certificates   the chain sent to clients, server certificate first
 * @param caCertificate  the certificate clients should trust: the generated local CA (also in
 *                       {@code <data-dir>/tls/ca.pem}), or the last certificate of a configured chain
 */
public record TlsMaterial(PrivateKey privateKey, List<X509Certificate> certificates, X509Certificate caCertificate) {

    public TlsMaterial {
        Objects.requireNonNull(privateKey, "privateKey");
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain is empty");
        }
        Objects.requireNonNull(caCertificate, "caCertificate");
    }

    /** The chain as an array (a fresh copy), server certificate first. */
    public X509Certificate[] certificateChain() {
        return certificates.toArray(X509Certificate[]::new);
    }

    public X509Certificate serverCertificate() {
        return certificates.get(0);
    }

    /** A JDK server-side context presenting this identity (for {@code SSLServerSocket}s and tests). */
    public SSLContext serverSslContext() {
        return TlsContexts.server(privateKey, certificateChain());
    }

    /** A JDK client-side context that trusts {@link #caCertificate()} only. */
    public SSLContext clientSslContext() {
        return TlsContexts.trusting(caCertificate);
    }

    /** Never shows the private key. */
    @Override
    public String toString() {
        return "TlsMaterial[server=" + serverCertificate().getSubjectX500Principal().getName()
                + ", ca=" + caCertificate.getSubjectX500Principal().getName() + "]";
    }
}
