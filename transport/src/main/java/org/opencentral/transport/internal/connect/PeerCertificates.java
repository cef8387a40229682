package org.opencentral.transport.internal.connect;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.opencentral.platform.provisioning.CertificateChain;

/** The client certificate chain a TLS connection presented, if any. */
public final class PeerCertificates {
    private PeerCertificates() {
    }

    public static Optional<CertificateChain> of(Channel channel) {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null) {
            return Optional.empty();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : tls.engine().getSession().getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            return chain.isEmpty() ? Optional.empty() : Optional.of(new CertificateChain(chain));
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }
}
