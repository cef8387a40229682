package org.opencentral.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.api.http.ApiError;

class HistoryRequestTest {
    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

    @Test
    void defaultsToTheLastThirtyMinutesAndAThousandPoints() {
        HistoryRequest request = HistoryRequest.parse(Optional.empty(), Optional.empty(), Optional.empty(), NOW);

        assertThat(request.range().from()).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
        assertThat(request.range().to()).isEqualTo(NOW);
        assertThat(request.maxPoints()).isEqualTo(1_000);
    }

    @Test
    void aMissingFromIsThirtyMinutesBeforeTo() {
        HistoryRequest request = HistoryRequest.parse(Optional.empty(), Optional.of("2026-01-01T00:00:00Z"),
                Optional.of("5000"), NOW);

        assertThat(request.range().from()).isEqualTo(Instant.parse("2025-12-31T23:30:00Z"));
        assertThat(request.maxPoints()).isEqualTo(5_000);
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        assertThatThrownBy(() -> parse("soon", null, null)).isInstanceOf(ApiError.class).hasMessageContaining("'from'");
        assertThatThrownBy(() -> parse(null, "2026-13-01T00:00:00Z", null)).hasMessageContaining("'to'");
        assertThatThrownBy(() -> parse("2026-01-31T12:00:00Z", "2026-01-31T11:00:00Z", null))
                .hasMessageContaining("must be before");
        assertThatThrownBy(() -> parse(null, null, "0")).hasMessageContaining("between 1 and 5000");
        assertThatThrownBy(() -> parse(null, null, "1e3")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("1969-12-31T00:00:00Z", null, null)).hasMessageContaining("1970");
        assertThatThrownBy(() -> parse(null, "+100000-01-01T00:00:00Z", null)).hasMessageContaining("'to'");
    }

    private static HistoryRequest parse(String from, String to, String maxPoints) {
        return HistoryRequest.parse(Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(maxPoints),
                NOW);
    }
}
