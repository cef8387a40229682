package org.opencentral.server.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds JDK {@link SSLContext}s from certificates and keys; used by tests and JDK-based clients. */
public final class TlsContexts {
    private static final String PROTOCOL = "TLS";

    private TlsContexts() {
    }

    /** A client context that trusts the given certificates only (e.g. the local CA). */
    public static SSLContext trusting(X509Certificate... anchors) {
        try {
            KeyStore store = emptyKeyStore();
            for (int i = 0; i < anchors.length; i++) {
                store.setCertificateEntry("ca-" + i, anchors[i]);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trusting SSLContext", e);
        }
    }

    /** A client context that trusts the certificates in a PEM file, e.g. {@code <data-dir>/tls/ca.pem}. */
    public static SSLContext trusting(Path caPemFile) {
        try {
            return trusting(PemFiles.readCertificates(caPemFile).toArray(X509Certificate[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server context presenting the given key and chain (server certificate first). */
    public static SSLContext server(PrivateKey key, X509Certificate[] chain) {
        try {
            char[] password = HexFormat.of().formatHex(SecureRandom.getSeed(16)).toCharArray();
            KeyStore store = emptyKeyStore();
            store.setKeyEntry("server", key, password, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a server SSLContext", e);
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }
}
