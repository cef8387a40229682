package org.opencentral.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.opencentral.core.Json;

/** A small JSON client for OpenCentral's REST API, authenticated with one token. */
public final class RestClient {
    public static final String API_VERSION = "2022-07-31";

    private final HttpClient http;
    private final URI base;
    private final String token;

    /** A client of {@code base}: plain HTTP, or HTTPS trusting the JDK's default authorities. */
    public RestClient(URI base, String token) {
        this(base, token, HttpClient.newBuilder());
    }

    /** A client of an HTTPS {@code base} that trusts what {@code trust} trusts (e.g. the node's local CA). */
    public RestClient(URI base, String token, SSLContext trust) {
        this(base, token, HttpClient.newBuilder().sslContext(trust));
    }

    private RestClient(URI base, String token, HttpClient.Builder http) {
        this.base = base;
        this.token = token;
        this.http = http.connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A response: its status and JSON body (a missing node when the body is empty). */
    public record Response(int status, JsonNode body) {
        public JsonNode ok() {
            if (status / 100 != 2) {
                throw new AssertionError("expected a 2xx answer but got " + status + ": " + body);
            }
            return body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    private Response send(String method, String path, Object body) {
        String separator = path.contains("?") ? "&" : "?";
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api" + path + separator + "api-version="
                        + API_VERSION))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", token)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? MissingNode.getInstance() : Json.parse(response.body());
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
