package org.opencentral.api.http;

import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.MemoryConnector;
import org.eclipse.jetty.server.ProxyConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;

/**
 * The HTTP server's in-memory connector for the connections the HTTPS listener decrypted and
 * tunnels here (the device listener owns the HTTPS port and its certificate). Each connection
 * starts with a PROXY protocol v1 line naming the real peer, so per-client decisions (rate limits,
 * sign-in back-off) and logs see the peer, not the tunnel. Nothing outside the process can reach
 * this connector, so every request on it came over TLS: it is marked secure (scheme {@code https},
 * {@code Secure} context) and answered with {@code Strict-Transport-Security: max-age=}{@value #HSTS_MAX_AGE}
 * (unless addressed as {@code localhost}, see {@link #isLocalhost}).
 */
public final class TunnelledHttps {
    /** HTTP Strict Transport Security on every HTTPS answer, in seconds: one year. */
    public static final long HSTS_MAX_AGE = 31_536_000;
    private static final HttpField HSTS_FIELD = new HttpField(HttpHeader.STRICT_TRANSPORT_SECURITY,
            "max-age=" + HSTS_MAX_AGE);

    private final MemoryConnector connector;

    private TunnelledHttps(MemoryConnector connector) {
        this.connector = connector;
    }

    /** Adds the connector to a running server, with the plain connector's HTTP settings ({@code plain}). */
    public static TunnelledHttps addTo(Server server, HttpConfiguration plain, long idleTimeoutMillis) throws Exception {
        HttpConfiguration https = new HttpConfiguration(plain);
        https.setSecureScheme(HttpScheme.HTTPS.asString());
        https.addCustomizer(TunnelledHttps::secure);
        MemoryConnector connector = new MemoryConnector(server,
                new ProxyConnectionFactory(HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setIdleTimeout(idleTimeoutMillis);
        server.addConnector(connector);
        if (!connector.isStarted()) {
            connector.start();
        }
        return new TunnelledHttps(connector);
    }

    /**
     * Whether the browser addressed this server as {@code localhost}: no HSTS then, as a browser
     * applies it to the host on every port and would then refuse the plain {@code http://localhost:8080/}
     * of a first start (browsers ignore HSTS from IP addresses anyway).
     */
    static boolean isLocalhost(String serverName) {
        String name = serverName == null ? "" : serverName.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost");
    }

    /** A new connection: write the PROXY line first, then the peer's bytes; read the answers. */
    public EndPoint connect() {
        return connector.connect().getLocalEndPoint();
    }

    private static Request secure(Request request, HttpFields.Mutable responseHeaders) {
        if (!isLocalhost(Request.getServerName(request))) {
            responseHeaders.put(HSTS_FIELD);
        }
        HttpURI uri = HttpURI.build(request.getHttpURI()).scheme(HttpScheme.HTTPS).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        };
    }
}
