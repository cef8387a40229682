package org.opencentral.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/** Server-Sent Event streams of a test platform, read line by line as they arrive. */
final class EventStreams {
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    EventStreams(int port) {
        this.port = port;
    }

    /** Opens {@code pathAndQuery} with {@code token} (none when null); close the body when done. */
    HttpResponse<Stream<String>> open(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    /** The status the stream answers (its body closed unread). */
    int status(String pathAndQuery, String token) throws Exception {
        HttpResponse<Stream<String>> response = open(pathAndQuery, token);
        try (Stream<String> ignored = response.body()) {
            return response.statusCode();
        }
    }
}
