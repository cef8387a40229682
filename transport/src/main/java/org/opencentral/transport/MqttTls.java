package org.opencentral.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server certificate for the TLS listeners (MQTT over TLS, MQTT over WebSockets, DPS over
 * HTTPS). Client certificates are requested but optional and not judged by TLS: the platform checks
 * them against device attestations and enrollment groups (X.509 authentication).
 *
 * <p>The provider is BoringSSL (netty-tcnative) where its native library loads, else the JDK's:
 * a BoringSSL handshake costs a fraction of the JDK's CPU (BENCHMARKS.md, issue 17), which is what
 * a connect storm is made of. {@code -Dio.netty.handler.ssl.noOpenSsl=true} forces the JDK provider.
 * Both keep a session cache and issue TLS 1.3 session tickets, so a device that reconnects resumes
 * its session instead of doing the full handshake again.
 *
 * <p>With BoringSSL the server prefers the key exchanges {@link #GROUPS} in that order: X25519 first,
 * as IoT Hub and Mosquitto negotiate it, where Netty's default puts the post-quantum hybrid
 * X25519MLKEM768 first (a BoringSSL or OpenSSL 3.5 client offers both; the hybrid costs the server a
 * third more CPU per handshake, BENCHMARKS.md). A client that offers only the hybrid still gets it.
 * BoringSSL's certificate callback runs inside the handshake on the event loop
 * ({@link OpenSslContextOption#USE_TASKS} off): handing it to another thread cost two thread
 * switches per connect for a few microseconds of work.
 */
public record MqttTls(SslContext sslContext) {
    /** Sessions kept for resumption (TLS 1.2 session ids; a TLS 1.3 ticket needs no server state). */
    static final long SESSION_CACHE_SIZE = 20_480;
    /** How long a session may be resumed. */
    static final Duration SESSION_TIMEOUT = Duration.ofHours(2);
    /** The key exchanges BoringSSL offers, most preferred first (names as BoringSSL spells them). */
    static final String[] GROUPS = {"X25519", "P-256", "X25519MLKEM768", "P-384"};
    private static final Logger LOG = LoggerFactory.getLogger(MqttTls.class);

    public MqttTls {
        Objects.requireNonNull(sslContext, "sslContext");
        if (!sslContext.isServer()) {
            throw new IllegalArgumentException("a server SslContext is required");
        }
    }

    /** TLS 1.2/1.3 with a private key and its certificate chain (leaf first), on {@link #provider()}. */
    public static MqttTls of(PrivateKey key, X509Certificate... chain) {
        SslProvider provider = provider();
        if (provider == SslProvider.OPENSSL) {
            LOG.info("TLS for device connections: BoringSSL ({})", OpenSsl.versionString());
        } else {
            LOG.info("TLS for device connections: the JDK's provider (BoringSSL not available: {})",
                    OpenSsl.unavailabilityCause() == null ? "disabled" : OpenSsl.unavailabilityCause().toString());
        }
        return of(provider, key, chain);
    }

    /** TLS 1.2/1.3 on the given provider (tests and benchmarks compare them). */
    public static MqttTls of(SslProvider provider, PrivateKey key, X509Certificate... chain) {
        return of(provider, List.of(GROUPS), key, chain);
    }

    /** With BoringSSL, {@code groups} in order of preference; none: Netty's default (benchmarks compare them). */
    static MqttTls of(SslProvider provider, List<String> groups, PrivateKey key, X509Certificate... chain) {
        if (chain.length == 0) {
            throw new IllegalArgumentException("a certificate chain is required");
        }
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain).sslProvider(provider)
                .protocols("TLSv1.3", "TLSv1.2").clientAuth(ClientAuth.OPTIONAL)
                .trustManager(InsecureTrustManagerFactory.INSTANCE)
                .sessionCacheSize(SESSION_CACHE_SIZE).sessionTimeout(SESSION_TIMEOUT.toSeconds());
        if (provider == SslProvider.OPENSSL) {
            builder.option(OpenSslContextOption.USE_TASKS, false);
            if (!groups.isEmpty()) {
                builder.option(OpenSslContextOption.GROUPS, groups.toArray(String[]::new));
            }
        }
        try {
            return new MqttTls(builder.build());
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /** BoringSSL when netty-tcnative's native library loads on this machine, else the JDK's provider. */
    public static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }
}
