package org.opencentral.transport;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * The server certificate for the TLS listeners (MQTT over TLS, MQTT over WebSockets, DPS over
 * HTTPS). Client certificates are requested but optional and not judged by TLS: the platform checks
 * them against device attestations and enrollment groups (X.509 authentication).
 */
public record MqttTls(SslContext sslContext) {
    public MqttTls {
        Objects.requireNonNull(sslContext, "sslContext");
        if (!sslContext.isServer()) {
            throw new IllegalArgumentException("a server SslContext is required");
        }
    }

    /** TLS 1.2/1.3 with a private key and its certificate chain (leaf first). */
    public static MqttTls of(PrivateKey key, X509Certificate... chain) {
        if (chain.length == 0) {
            throw new IllegalArgumentException("a certificate chain is required");
        }
        try {
            return new MqttTls(SslContextBuilder.forServer(key, chain).protocols("TLSv1.3", "TLSv1.2")
                    .clientAuth(ClientAuth.OPTIONAL).trustManager(InsecureTrustManagerFactory.INSTANCE).build());
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }
}
