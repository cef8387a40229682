package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencentral.api.http.HttpMetrics;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.security.Permission;
import org.opencentral.platform.security.Principal;
import java.util.List;

/** Health, metrics, authentication, api-version, body limits and error bodies, over real HTTP. */
class ServerEdgeTest extends PlatformApiTest {
    @Test
    void healthzFollowsReadinessWithoutAuthentication() {
        Http anonymous = admin.as(null);
        assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
        assertThat(anonymous.get("/healthz").json().path("status").asText()).isEqualTo("ok");

        platform.ready.set(false);

        assertThat(anonymous.get("/healthz").status()).isEqualTo(503);
        assertThat(anonymous.get("/healthz").json().path("status").asText()).isEqualTo("unavailable");
    }

    @Test
    void healthzNamesEachProblemOfADegradedNode() {
        Http anonymous = admin.as(null);
        platform.problems.set(List.of("the data directory /data has 0 MiB free", "the event log cannot write"));

        Http.Reply degraded = anonymous.get("/healthz");

        assertThat(degraded.status()).isEqualTo(200);
        assertThat(degraded.json().path("status").asText()).isEqualTo("degraded");
        assertThat(degraded.json().path("problems")).extracting(JsonNode::asText)
                .containsExactly("the data directory /data has 0 MiB free", "the event log cannot write");

        platform.problems.set(List.of());

        assertThat(anonymous.get("/healthz").json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void metricsServeTheScrapeTextAndRequestsAreTimedPerRouteAndStatus() {
        admin.get("/api/devices/nope?" + Http.V);

        Http.Reply metrics = admin.as(null).get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.text()).contains("up 1");
        assertThat(platform.meters.find(HttpMetrics.NAME).tag("route", "/api/devices/{deviceId}")
                .tag("status", "404").tag("method", "GET").timer()).isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
    }

    @Test
    void missingWrongAndExpiredTokensAre401WithIotCentralsErrorBody() {
        String expiring = platform.token("short", BuiltInRole.APP_OPERATOR, Instant.now().plus(Duration.ofHours(1)));
        String tampered = tamper(expiring);

        for (Http caller : List.of(admin.as(null), admin.as(tampered), admin.as("Bearer abc"))) {
            Http.Reply reply = caller.get("/api/devices?" + Http.V);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("Unauthorized");
            assertThat(reply.header("x-ms-error-code")).contains("Unauthorized");
            assertThat(reply.json().path("error").path("requestId").asText()).isNotBlank();
            assertThat(reply.json().path("error").path("time").asText()).endsWith("GMT");
        }
        assertThat(admin.as(expiring).get("/api/devices?" + Http.V).status()).isEqualTo(200);

        platform.tokenClock.advance(Duration.ofHours(2));

        assertThat(admin.as(expiring).get("/api/devices?" + Http.V).status()).isEqualTo(401);
    }

    @Test
    void apiVersionIsRequiredAndMustBeKnown() {
        Http.Reply missing = admin.get("/api/devices");
        Http.Reply unknown = admin.get("/api/devices?api-version=1.0");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("MissingApiVersion");
        assertThat(missing.header("x-ms-error-code")).contains("MissingApiVersion");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("InvalidApiVersion");
        assertThat(admin.get("/api/devices?api-version=2022-10-31-preview").status()).isEqualTo(200);
    }

    @Test
    void aPrincipalWithoutThePermissionIsForbidden() {
        Principal operator = platform.security.roles().principal("op", Principal.Kind.API_TOKEN,
                List.of(RoleAssignment.of(BuiltInRole.APP_OPERATOR.id())));

        assertThatThrownBy(() -> operator.require(Permission.USERS_ADD))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(ErrorCode.FORBIDDEN.httpStatus()).isEqualTo(403);
    }

    @Test
    void malformedJsonIs400AndOversizedBodiesAre413() {
        Http.Reply malformed = admin.put("/api/devices/d1?" + Http.V, "{\"displayName\": ");
        Http.Reply oversized = admin.put("/api/devices/d1?" + Http.V,
                "{\"displayName\":\"" + "x".repeat(1024 * 1024) + "\"}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("InvalidJson");
        assertThat(malformed.json().path("error").path("message").asText()).contains("not valid JSON at line 1");
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.errorCode()).isEqualTo("MessageTooLarge");
    }

    @Test
    void unknownPathsAndMethodsAnswerWithTheErrorBody() {
        Http.Reply unknown = admin.get("/api/nothing-here?" + Http.V);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NotFound");
    }

    @Test
    void unexpectedFailuresAre500WithARequestId() {
        platform.state.close();

        Http.Reply reply = admin.get("/api/devices/d1?" + Http.V);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.errorCode()).isEqualTo("ServerError");
        String requestId = reply.json().path("error").path("requestId").asText();
        assertThat(reply.header("x-ms-request-id")).contains(requestId);
        assertThat(requestId).isNotBlank();
    }

    @Test
    void stopClosesTheListener() {
        platform.server.stop();

        assertThatThrownBy(() -> admin.as(null).get("/healthz")).isInstanceOf(IllegalStateException.class);
    }

    private static String tamper(String token) {
        int sig = token.indexOf("sig=") + 4;
        char c = token.charAt(sig) == 'A' ? 'B' : 'A';
        return token.substring(0, sig) + c + token.substring(sig + 1);
    }
}
