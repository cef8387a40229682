package org.opencentral.api.ui;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.http.FallbackRoute;
import org.opencentral.api.http.Route;
import org.opencentral.api.http.StaticRoute;

/** The UI's static files, when the {@code opencentral-web} jar is on the class path. */
public final class WebUi {
    public static final String FOLDER = "/opencentral-web";
    private static final String NO_CACHE = "no-cache";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final byte[] index;

    private WebUi(byte[] index) {
        this.index = index;
    }

    /** The UI if its files are on the class path; empty otherwise (API-only deployments and tests). */
    public static Optional<WebUi> fromClasspath() {
        try (InputStream in = WebUi.class.getResourceAsStream(FOLDER + "/index.html")) {
            return in == null ? Optional.empty() : Optional.of(new WebUi(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The UI's rows: {@code /assets} (hashed names, cached for a year), the other files at {@code /},
     * and its page for any other browser address ({@link #fallback}).
     */
    public List<Route> routes() {
        return List.of(new StaticRoute("/assets", FOLDER + "/assets", IMMUTABLE),
                new StaticRoute("/", FOLDER, NO_CACHE),
                new FallbackRoute(this::fallback));
    }

    /**
     * Answers an unmatched request with {@code index.html} when it is a browser page request
     * ({@code GET}, not under {@code /api}, {@code /assets}, {@code /healthz} or {@code /metrics});
     * returns false to leave it to the API's 404.
     */
    public boolean fallback(Context ctx) {
        String path = ctx.path();
        if (!ctx.method().name().equals("GET") || path.startsWith("/api") || path.startsWith("/assets/")
                || path.equals("/healthz") || path.equals("/metrics")) {
            return false;
        }
        ctx.status(200).header("Cache-Control", NO_CACHE).contentType("text/html; charset=utf-8").result(index);
        return true;
    }
}
