package org.opencentral.sim.iothub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The few IoT Central REST calls the load generator makes, authenticated with one API token:
 * create a device, read its keys, run a command. Blocking calls, meant for virtual threads.
 */
public final class DeviceApi {
    public static final String API_VERSION = "2022-07-31";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final URI base;
    private final String token;

    static final int MAX_THROTTLED_RETRIES = 30;

    public DeviceApi(URI base, String token) {
        this.base = base;
        this.token = token.strip();
    }

    /** Creates (or keeps) the device and returns its primary key. */
    public String createDevice(String id) throws IOException, InterruptedException {
        call("PUT", "/devices/" + id, "{\"displayName\":\"" + id + "\",\"enabled\":true}");
        JsonNode credentials = call("GET", "/devices/" + id + "/credentials", null);
        String key = credentials.at("/symmetricKey/primaryKey").asText("");
        if (key.isEmpty()) {
            throw new IOException("no symmetricKey.primaryKey in the credentials of " + id);
        }
        return key;
    }

    /** Publishes (creates or replaces) a device template from its IoT Central JSON. */
    public void putTemplate(String id, String templateJson) throws IOException, InterruptedException {
        call("PUT", "/deviceTemplates/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8),
                templateJson);
    }

    /** Creates (or keeps) a device the server simulates from {@code template}. */
    public void createSimulatedDevice(String id, String template) throws IOException, InterruptedException {
        call("PUT", "/devices/" + id, "{\"displayName\":\"" + id + "\",\"enabled\":true,\"simulated\":true,"
                + "\"template\":\"" + template + "\"}");
    }

    /** Runs a command; returns the HTTP status (201 when the device answered). */
    public int runCommand(String deviceId, String command, String requestJson) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/devices/" + deviceId + "/commands/" + command,
                "{\"request\":" + requestJson + ",\"responseTimeout\":30}");
        return response.statusCode();
    }

    private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new RestException(response.statusCode(), method + " " + path + " answered " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /**
     * Sends a request; a 429 (the API's per-caller rate limit) is retried after the {@code Retry-After}
     * the server asked for, up to {@value #MAX_THROTTLED_RETRIES} times.
     */
    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api" + path + "?api-version=" + API_VERSION))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt > MAX_THROTTLED_RETRIES) {
                return response;
            }
            Thread.sleep(retryAfterMillis(response));
        }
    }

    static long retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .map(String::strip)
                .filter(value -> value.matches("\\d{1,4}"))
                .map(seconds -> Long.parseLong(seconds) * 1000)
                .orElse(1000L);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** A non-2xx answer. */
    public static final class RestException extends IOException {
        private final int status;

        RestException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
