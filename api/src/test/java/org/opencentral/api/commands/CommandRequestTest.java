package org.opencentral.api.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;

class CommandRequestTest {
    @Test
    void defaultsAreNoConnectionWaitAndThirtySecondsForTheAnswer() {
        CommandRequest request = CommandRequest.of(Json.parse("{\"request\":{\"tempVal\":30}}"));

        assertThat(request.request()).isEqualTo(Json.parse("{\"tempVal\":30}"));
        assertThat(request.connectionTimeout()).isZero();
        assertThat(request.responseTimeout()).isEqualTo(30);
    }

    @Test
    void emptyBodyIsACommandWithoutPayload() {
        CommandRequest request = CommandRequest.of(MissingNode.getInstance());

        assertThat(request.request().isMissingNode()).isTrue();
    }

    @Test
    void timeoutsOutsideTheirRangesAreRefused() {
        assertThatThrownBy(() -> CommandRequest.of(Json.parse("{\"connectionTimeout\":31}")))
                .isInstanceOf(ApiError.class).hasMessageContaining("connectionTimeout must be between 0 and 30");
        assertThatThrownBy(() -> CommandRequest.of(Json.parse("{\"responseTimeout\":4}")))
                .isInstanceOf(ApiError.class).hasMessageContaining("responseTimeout must be between 5 and 30");
        assertThatThrownBy(() -> CommandRequest.of(Json.parse("{\"responseTimeout\":\"10\"}")))
                .isInstanceOf(ApiError.class).hasMessageContaining("integer");
        assertThatThrownBy(() -> CommandRequest.of(Json.parse("[1]")))
                .isInstanceOf(ApiError.class).hasMessageContaining("JSON object");
    }
}
