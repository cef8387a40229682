package org.opencentral.sim.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real HTTP: a message, a batch, a body it cannot read, and a restart on the same file. */
@Timeout(30)
class WebhookReceiverTest {
    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();

    private int post(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/in"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void everyAnsweredMessageIsALineOfTheFileAcrossARestart() throws Exception {
        Path file = directory.resolve("received.tsv");
        int port;
        try (WebhookReceiver receiver = WebhookReceiver.start(new InetSocketAddress("127.0.0.1", 0), file)) {
            port = receiver.port();
            assertThat(post(port, "{\"deviceId\":\"d-1\",\"telemetry\":{\"seq\":1,\"f0\":2.5}}")).isEqualTo(200);
            assertThat(post(port, "[{\"deviceId\":\"d-1\",\"telemetry\":{\"seq\":2}},"
                    + "{\"deviceId\":\"d-2\",\"telemetry\":{\"f0\":1}}]")).isEqualTo(200);
            assertThat(post(port, "{\"telemetry\":{\"seq\":3}}")).as("no deviceId").isEqualTo(400);
            assertThat(post(port, "not json")).isEqualTo(400);
            assertThat(receiver.messages()).isEqualTo(3);
            assertThat(receiver.refused()).isEqualTo(2);
        }
        try (WebhookReceiver again = WebhookReceiver.start(new InetSocketAddress("127.0.0.1", port), file)) {
            assertThat(post(port, "{\"deviceId\":\"d-1\",\"telemetry\":{\"seq\":3}}")).isEqualTo(200);
        }

        List<String> lines = Files.readAllLines(file).stream().map(l -> l.substring(0, l.lastIndexOf('\t'))).toList();
        assertThat(lines).containsExactly("d-1\t1", "d-1\t2", "d-2\t-1", "d-1\t3");
    }
}
