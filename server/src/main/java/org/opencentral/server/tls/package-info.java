/**
 * The server's TLS identity: on first start a local CA and a server certificate signed by it are
 * generated under {@code <data-dir>/tls} (EC P-256, keys mode 0600) and reused afterwards; a
 * configured PEM certificate and key replace them. {@link org.opencentral.server.tls.TlsMaterial}
 * is what listeners (Netty's {@code SslContextBuilder}) and test clients consume.
 *
 * <p>Uses BouncyCastle for certificate building and PEM only; it never registers BouncyCastle as a
 * JCA provider, so TLS itself runs on the JDK's providers. Never logs key material.
 */
package org.opencentral.server.tls;
