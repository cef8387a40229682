package org.opencentral.api.http;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The browser-security headers on every answer of the HTTP server, plain HTTP and HTTPS alike: set
 * before any handler runs (so the UI's files, API answers, API errors and the live stream carry
 * them), and by the server's error handler on the errors Jetty answers before any handler (a
 * malformed request): a strict Content-Security-Policy ({@value #CONTENT_SECURITY_POLICY}: scripts and
 * styles from this origin only, never inline; {@code connect-src 'self'} for the API and the live
 * feed; no framing), {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer}.
 */
public final class SecurityHeaders implements HttpConfiguration.Customizer {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final List<HttpField> FIELDS = List.of(
            new HttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            new HttpField("X-Content-Type-Options", "nosniff"),
            new HttpField("Referrer-Policy", "no-referrer"));

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        FIELDS.forEach(responseHeaders::put);
        return request;
    }

    /** The server's error handler: Jetty's own error answers, with these headers. */
    public static ErrorHandler errorHandler() {
        return new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                FIELDS.forEach(response.getHeaders()::put);
                return super.handle(request, response, callback);
            }
        };
    }
}
