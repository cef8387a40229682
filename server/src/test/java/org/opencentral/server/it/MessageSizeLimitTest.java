package org.opencentral.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.server.config.LimitsConfig;
import org.opencentral.server.testkit.TestDevice;
import org.opencentral.server.testkit.TestPlatform;

/**
 * The one message-size limit, configured above IoT Hub's 256 KiB: a device's message of exactly
 * the limit is acknowledged over MQTT/TLS and stored, a message one byte larger closes the
 * connection without an acknowledgement (as IoT Hub does) and is not stored, and the device
 * connects again afterwards.
 */
@Timeout(180)
class MessageSizeLimitTest {
    private static final int LIMIT = 512 * 1024;
    private static final String DEVICE = "large-sender";

    @Test
    void aMessageOfTheConfiguredSizeIsStoredAndALargerOneClosesTheConnection() {
        try (TestPlatform platform = TestPlatform.start(config -> config.withLimits(
                new LimitsConfig(LIMIT, 100, 200, 100_000)))) {
            String key = platform.createDevice(DEVICE);
            String atTheLimit = body(LIMIT, 'a');
            try (TestDevice device = TestDevice.overTls(platform, DEVICE, key)) {
                device.connect();
                device.sendTelemetry(atTheLimit).orTimeout(60, TimeUnit.SECONDS).join();

                assertThatThrownBy(() -> device.sendTelemetry(body(LIMIT + 1, 'b'))
                        .orTimeout(60, TimeUnit.SECONDS).join()).isInstanceOf(CompletionException.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> !device.isConnected());
            }
            JsonNode stored = awaitRawData(platform, "disconnected");
            List<String> telemetry = new ArrayList<>();
            stored.forEach(entry -> {
                if (entry.path("kind").asText().equals("telemetry")) {
                    telemetry.add(entry.path("body").asText());
                }
            });
            assertThat(telemetry).as("stored telemetry").hasSize(1);
            assertThat(telemetry.get(0).equals(atTheLimit)).as("the stored body is the message sent").isTrue();
            assertThat(reasonOfLastDisconnection(stored)).isEqualTo("message too large");

            try (TestDevice again = TestDevice.overTls(platform, DEVICE, key)) {
                again.connect();
                again.sendTelemetry(body(1024, 'c')).orTimeout(60, TimeUnit.SECONDS).join();
            }
        }
    }

    /** A JSON object of exactly {@code bytes} bytes. */
    private static String body(int bytes, char fill) {
        String open = "{\"pad\":\"";
        String close = "\"}";
        return open + String.valueOf(fill).repeat(bytes - open.length() - close.length()) + close;
    }

    /** The device's raw data once its newest entry is of {@code kind}. */
    private static JsonNode awaitRawData(TestPlatform platform, String kind) {
        String path = "/devices/" + DEVICE + "/rawData";
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.rest().get(path).ok()
                .path("value").path(0).path("kind").asText().equals(kind));
        return platform.rest().get(path).ok().path("value");
    }

    private static String reasonOfLastDisconnection(JsonNode rawData) {
        for (JsonNode entry : rawData) {
            if (entry.path("kind").asText().equals("disconnected")) {
                return entry.path("reason").asText();
            }
        }
        throw new AssertionError("no disconnection in " + rawData);
    }
}
