package org.opencentral.transport.internal.https;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.platform.ingest.TelemetryMessage;
import org.opencentral.transport.internal.topic.Decoded;

/** IoT Hub's HTTPS message format: properties as headers or batch entries, and the headers of a cloud-to-device message. */
class HttpMessagesTest {
    @Test
    void headersBecomeApplicationAndSystemPropertiesAndTheComponent() {
        FullHttpRequest request = request("{\"t\":1}", "application/json");
        request.headers().set("IoTHub-App-Alert", "high").set("iothub-messageid", "m-1")
                .set("iothub-contenttype", "application/json").set("iothub-contentencoding", "utf-8")
                .set("iothub-creation-time-utc", "2026-12-06T05:00:00Z").set("dt-subject", "thermostat1")
                .set("iothub-to", "/devices/d/messages/events").set("User-Agent", "sdk");

        TelemetryMessage message = single(HttpMessages.events(request));

        assertThat(message.applicationProperties()).containsExactlyInAnyOrderEntriesOf(Map.of("Alert", "high",
                "iothub-creation-time-utc", "2026-12-06T05:00:00Z"));
        assertThat(message.systemProperties()).containsExactlyInAnyOrderEntriesOf(Map.of("messageId", "m-1",
                "contentType", "application/json", "contentEncoding", "utf-8"));
        assertThat(message.component()).hasValue("thermostat1");
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("{\"t\":1}");
    }

    @Test
    void aBatchEntryIsPlainTextUnlessBase64Encoded() {
        FullHttpRequest request = request("[{\"body\":\"eyJhIjoxfQ==\",\"base64Encoded\":true,"
                + "\"properties\":{\"iothub-app-k\":\"v\"}},{\"body\":\"{\\\"b\\\":2}\"}]", HttpMessages.BATCH_CONTENT_TYPE);

        List<TelemetryMessage> messages = ((Decoded.Ok<List<TelemetryMessage>>) HttpMessages.events(request)).value();

        assertThat(messages).extracting(m -> new String(m.body(), StandardCharsets.UTF_8))
                .containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(messages.get(0).applicationProperties()).isEqualTo(Map.of("k", "v"));
        assertThat(messages.get(1).applicationProperties()).isEmpty();
    }

    @Test
    void malformedBatchesSayWhatIsWrong() {
        assertThat(reason("[]")).contains("non-empty JSON array");
        assertThat(reason("[{\"body\":1}]")).contains("batch entry 0").contains("string \"body\"");
        assertThat(reason("[{\"body\":\"a\",\"properties\":{\"n\":1}}]")).contains("property 'n' must be a string");
        assertThat(reason("[{\"body\":\"a\",\"base64Encoded\":\"yes\"}]")).contains("true or false");
        assertThat(reason("[{\"body\":")).contains("not valid JSON");
    }

    @Test
    void aCloudToDeviceMessageCarriesItsLockAsETagAndItsPropertiesAsHeaders() {
        C2dMessage message = new C2dMessage(DeviceId.of("d-1"), "m-9", Instant.parse("2026-12-06T05:00:00Z"),
                Instant.parse("2026-12-07T05:00:00Z"), Map.of("kind", "config", "note", "ü\r\n"), new byte[0]);
        HttpHeaders headers = new DefaultHttpHeaders();

        HttpMessages.cloudToDevice(message, "lock-1", headers);

        assertThat(headers.get("etag")).isEqualTo("\"lock-1\"");
        assertThat(headers.get("iothub-messageid")).isEqualTo("m-9");
        assertThat(headers.get("iothub-app-kind")).isEqualTo("config");
        assertThat(headers.get("iothub-app-note")).isEqualTo("%C3%BC%0D%0A");
    }

    private static String reason(String batch) {
        return ((Decoded.Failed<List<TelemetryMessage>>) HttpMessages.events(
                request(batch, HttpMessages.BATCH_CONTENT_TYPE + "; charset=utf-8"))).reason();
    }

    private static TelemetryMessage single(Decoded<List<TelemetryMessage>> decoded) {
        List<TelemetryMessage> messages = ((Decoded.Ok<List<TelemetryMessage>>) decoded).value();
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private static FullHttpRequest request(String body, String contentType) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                "/devices/d-1/messages/events", Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        request.headers().set("Content-Type", contentType);
        return request;
    }
}
