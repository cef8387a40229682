package org.opencentral.api.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.platform.c2d.CloudToDeviceService;

class MessageRequestTest {
    @Test
    void jsonDataIsSentAsJsonWithPropertiesAndTtl() {
        MessageRequest request = MessageRequest.of(Json.parseObject(
                "{\"data\":{\"a\":1},\"properties\":{\"k\":\"v\"},\"ttl\":\"PT1H\"}"));

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(request.properties()).isEqualTo(Map.of("k", "v"));
        assertThat(request.ttl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void stringDataIsSentAsRawTextWithTheDefaultTtl() {
        MessageRequest request = MessageRequest.of(Json.parseObject("{\"data\":\"reboot\"}"));

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("reboot");
        assertThat(request.ttl()).isEqualTo(CloudToDeviceService.DEFAULT_TTL);
    }

    @Test
    void invalidRequestsAreRefused() {
        assertThatThrownBy(() -> MessageRequest.of(Json.parseObject("{}")))
                .isInstanceOf(ApiError.class).hasMessageContaining("'data' is required");
        assertThatThrownBy(() -> MessageRequest.of(Json.parseObject("{\"data\":1,\"properties\":{\"k\":1}}")))
                .isInstanceOf(ApiError.class).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> MessageRequest.of(Json.parseObject("{\"data\":1,\"ttl\":\"soon\"}")))
                .isInstanceOf(ApiError.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> MessageRequest.of(Json.parseObject("{\"data\":1,\"ttl\":\"P3D\"}")))
                .isInstanceOf(ApiError.class).hasMessageContaining("at most");
    }
}
