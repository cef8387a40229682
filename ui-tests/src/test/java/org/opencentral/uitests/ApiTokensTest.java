package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;

/**
 * The API token page sets and shows a token's expiry: a token created in the browser with a date
 * expires at the end of that day (UTC), as the server stores it; a token whose expiry has passed is
 * answered 401 {@code TokenExpired} and the page marks it expired; revoking it there deletes it.
 */
@Timeout(120)
class ApiTokensTest extends BrowserTest {
    private static final String OPERATOR = "ae2c9854-393b-4f97-8c42-479d70ce626e";

    @Test
    void aTokenCreatedWithADateExpiresAtTheEndOfThatDay() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        try (BrowserWindow window = session.signedIn(platform.https())) {
            Page page = window.page();
            new AppShell(page).go("API tokens");
            Roles.button(page, "+ New token").click();
            Roles.field(page, "Token ID").fill("from-the-browser");
            Roles.field(page, "Role").selectOption(OPERATOR);
            Roles.field(page, "Expires (optional)").fill(day.toString());
            Roles.button(page, "Create").click();
            assertThat(Roles.heading(page, "Token created")).isVisible();
            Roles.button(page, "Done").click();

            assertThat(Roles.row(Roles.table(page, "API tokens"), "from-the-browser")).isVisible();
            assertThat(Roles.row(Roles.table(page, "API tokens"), "from-the-browser")).not().containsText("Expired");
        }
        JsonNode stored = platform.rest().get("/apiTokens/from-the-browser").ok();
        assertThat(Instant.parse(stored.path("expiry").asText())).isEqualTo(day.atTime(23, 59, 59).toInstant(ZoneOffset.UTC));
    }

    @Test
    void aTokenPastItsExpiryIsRefusedMarkedExpiredAndRevoked() throws Exception {
        String token = platform.rest().put("/apiTokens/short-lived", Map.of("roles", List.of(Map.of("role", OPERATOR)),
                "expiry", Instant.now().plusSeconds(2).toString())).ok().path("token").asText();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(errorCode(token)).isEqualTo("TokenExpired"));

        try (BrowserWindow window = session.signedIn(platform.https())) {
            Page page = window.page();
            new AppShell(page).go("API tokens");
            assertThat(Roles.row(Roles.table(page, "API tokens"), "short-lived")).containsText("Expired");
            window.shot("12-api-token-expired");

            Roles.button(page, "Revoke short-lived").click();
            ConfirmDialog.of(page).confirm("Revoke");
            assertThat(Roles.table(page, "API tokens")).not().containsText("short-lived");
        }
        assertThat(platform.rest().get("/apiTokens/short-lived").status()).isEqualTo(404);
    }

    /** The error code of a REST call made with {@code token} (empty when it succeeds). */
    private static String errorCode(String token) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.http() + "/api/devices?api-version=2022-07-31"))
                .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? "" : Json.parse(answer.body()).at("/error/code").asText();
    }
}
