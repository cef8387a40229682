package org.opencentral.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import org.opencentral.core.Json;

/** A small REST client for the tests: one call, one {@link Reply}. */
final class Http {
    static final String V = "api-version=2022-07-31";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final java.util.Map<String, String> headers;

    Http(int port, String token) {
        this(port, token, java.util.Map.of());
    }

    private Http(int port, String token, java.util.Map<String, String> headers) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
        this.headers = java.util.Map.copyOf(headers);
    }

    private int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    Http as(String otherToken) {
        return new Http(port(), otherToken, headers);
    }

    /** The same client sending one more header on every request. */
    Http with(String name, String value) {
        var more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Http(port(), token, more);
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, null);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, null);
    }

    /** Sends a request; {@code path} may be a full URL (as nextLink is). */
    Reply send(String method, String path, String json, String ifMatch) {
        URI uri = URI.create(path.startsWith("http") ? path : base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, HttpResponse<String> response, String text) {
        JsonNode json() {
            return text.isBlank() ? MissingNode.getInstance() : Json.parse(text);
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }
    }
}
