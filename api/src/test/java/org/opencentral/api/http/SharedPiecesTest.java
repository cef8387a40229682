package org.opencentral.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;

class SharedPiecesTest {
    @Test
    void apiVersionIsRequiredAndChecked() {
        assertThat(ApiVersions.require(Optional.of("2022-07-31"))).isEqualTo("2022-07-31");
        assertThat(ApiVersions.require(Optional.of("2022-10-31-preview"))).isEqualTo("2022-10-31-preview");
        assertThatThrownBy(() -> ApiVersions.require(Optional.empty()))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("MissingApiVersion"));
        assertThatThrownBy(() -> ApiVersions.require(Optional.of("1.0")))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("InvalidApiVersion"));
    }

    @Test
    void etagsAreComparedQuotedWhateverFormTheClientSends() {
        assertThat(ETags.quoted("abc")).isEqualTo("\"abc\"");
        assertThat(ETags.quoted("\"abc\"")).isEqualTo("\"abc\"");
        assertThat(ETags.quoted("W/\"abc\"")).isEqualTo("\"abc\"");
        assertThat(ETags.bare("\"abc\"")).isEqualTo("abc");
        assertThat(ETags.precondition(Optional.empty(), Optional.of("abc"))).contains("\"abc\"");
        assertThat(ETags.precondition(Optional.of("\"h\""), Optional.of("b"))).contains("\"h\"");
    }

    @Test
    void bodiesAreLimitedAndParsedWithAPosition() throws Exception {
        RequestBodies bodies = new RequestBodies(4);
        assertThat(bodies.read(-1, new ByteArrayInputStream(new byte[4]))).hasSize(4);
        assertThatThrownBy(() -> bodies.read(-1, new ByteArrayInputStream(new byte[5])))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> bodies.read(10, new ByteArrayInputStream(new byte[0])))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(RequestBodies.parse(" \n".getBytes(StandardCharsets.UTF_8)).isMissingNode()).isTrue();
        assertThatThrownBy(() -> RequestBodies.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiError.class).hasMessageContaining("not valid JSON at line 1");
        assertThatThrownBy(() -> RequestBodies.parseObject("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiError.class).hasMessageContaining("must be a JSON object");
    }

    @Test
    void errorBodyHasIotCentralsShapeWithAnRfc1123Time() {
        var body = new ErrorBody("NotFound", "gone", "r1", Instant.parse("2026-03-04T05:06:07Z")).toJson();

        assertThat(body).isEqualTo(Json.parse("""
                {"error":{"code":"NotFound","message":"gone","requestId":"r1","time":"Wed, 4 Mar 2026 05:06:07 GMT"}}"""));
    }
}
