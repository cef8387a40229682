package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.platform.security.BuiltInRole;

/** Tokens, sign-in, CSRF, lockout, organization isolation, users, roles and the audit log over real HTTP. */
@Timeout(120)
class SecurityApiTest extends ScenarioApiTest {
    @Test
    void tokensAreShownOnceExpireAndCanBeRevoked() {
        Http.Reply created = admin.put("/api/apiTokens/ops?" + Http.V,
                "{\"roles\":[{\"role\":\"" + BuiltInRole.APP_OPERATOR.id() + "\"}],\"expiry\":\""
                        + Instant.now().plus(Duration.ofDays(1)) + "\"}");
        assertThat(created.status()).isEqualTo(200);
        String token = created.json().path("token").asText();
        assertThat(token).startsWith("SharedAccessSignature sr=app-test&sig=");
        assertThat(admin.get("/api/apiTokens/ops?" + Http.V).json().has("token")).isFalse();
        admin.get("/api/apiTokens?" + Http.V).json().path("value").forEach(t -> assertThat(t.has("token")).isFalse());

        Http ops = admin.as(token);
        assertThat(ops.get("/api/devices?" + Http.V).status()).isEqualTo(200);
        String wrongSignature = token.replaceFirst("sig=[^&]+", "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D");
        assertThat(admin.as(wrongSignature).get("/api/devices?" + Http.V).status()).isEqualTo(401);

        platform.tokenClock.advance(Duration.ofDays(2));
        Http.Reply expired = ops.get("/api/devices?" + Http.V);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().at("/error/code").asText()).isEqualTo("TokenExpired");
        assertThat(expired.json().at("/error/message").asText()).contains("'ops' expired at");
        assertThat(admin.as(wrongSignature).get("/api/devices?" + Http.V).json().at("/error/code").asText())
                .as("a forged token is not told whether the real one expired").isEqualTo("Unauthorized");
        platform.tokenClock.advance(Duration.ofDays(-2));
        assertThat(admin.delete("/api/apiTokens/ops?" + Http.V).status()).isEqualTo(204);
        assertThat(ops.get("/api/devices?" + Http.V).status()).isEqualTo(401);
    }

    @Test
    void aTokenIsGivenAYearByDefaultAndAtMostTwo() {
        Http.Reply byDefault = admin.put("/api/apiTokens/default-expiry?" + Http.V,
                "{\"roles\":[{\"role\":\"" + BuiltInRole.APP_OPERATOR.id() + "\"}]}");
        Http.Reply tooLong = admin.put("/api/apiTokens/too-long?" + Http.V,
                "{\"roles\":[{\"role\":\"" + BuiltInRole.APP_OPERATOR.id() + "\"}],\"expiry\":\""
                        + Instant.now().plus(Duration.ofDays(731)) + "\"}");

        assertThat(byDefault.status()).isEqualTo(200);
        Instant expiry = Instant.parse(byDefault.json().path("expiry").asText());
        assertThat(Duration.between(Instant.now(), expiry)).isBetween(Duration.ofDays(364), Duration.ofDays(365));
        assertThat(Instant.parse(admin.get("/api/apiTokens/default-expiry?" + Http.V).json().path("expiry").asText())
                .truncatedTo(ChronoUnit.SECONDS)).as("stored and shown").isEqualTo(expiry.truncatedTo(ChronoUnit.SECONDS));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/error/message").asText()).contains("within 730 days");
    }

    @Test
    void aUserCannotGrantMoreThanItHolds() {
        Http orgAdmin = admin.as(platform.token("oa", BuiltInRole.ORG_ADMINISTRATOR.id(), "west"));
        Http.Reply escalate = orgAdmin.put("/api/users/u9?" + Http.V, "{\"type\":\"email\",\"email\":\"u9@example.com\","
                + "\"roles\":[{\"role\":\"" + BuiltInRole.APP_ADMINISTRATOR.id() + "\"}]}");
        Http.Reply elsewhere = orgAdmin.put("/api/users/u9?" + Http.V, "{\"type\":\"email\",\"email\":\"u9@example.com\","
                + "\"roles\":[{\"role\":\"" + BuiltInRole.ORG_VIEWER.id() + "\",\"organization\":\"east\"}]}");
        Http.Reply within = orgAdmin.put("/api/users/u9?" + Http.V, "{\"type\":\"email\",\"email\":\"u9@example.com\","
                + "\"roles\":[{\"role\":\"" + BuiltInRole.ORG_VIEWER.id() + "\",\"organization\":\"seattle\"}]}");
        Http.Reply principal = admin.put("/api/users/sp?" + Http.V, "{\"type\":\"servicePrincipal\","
                + "\"tenantId\":\"t\",\"objectId\":\"o\",\"roles\":[{\"role\":\"" + BuiltInRole.APP_OPERATOR.id() + "\"}]}");

        assertThat(escalate.status()).isEqualTo(403);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(within.status()).isEqualTo(200);
        assertThat(principal.status()).isEqualTo(400);
        assertThat(principal.json().path("error").path("message").asText()).contains("service principals");
    }

    @Test
    void signInUsesAStrictCookieAndCsrfProtectsChanges() {
        Http.Reply login = admin.as(null).post("/api/auth/login?" + Http.V,
                "{\"email\":\"" + Scenario.WEST_USER + "\",\"password\":\"" + Scenario.PASSWORD + "\"}");
        List<String> cookies = login.response().headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("oc_session=").contains("HttpOnly", "Secure",
                "SameSite=Strict"));
        Http user = Scenario.signIn(admin, Scenario.WEST_USER);
        String cookie = cookies.stream().filter(c -> c.startsWith("oc_session=")).findFirst().orElseThrow()
                .split(";")[0];
        Http withoutCsrf = admin.as(null).with("Cookie", cookie);

        JsonNode me = user.get("/api/auth/me?" + Http.V).json();
        assertThat(me.path("signedIn").asBoolean()).isTrue();
        assertThat(me.path("id").asText()).isEqualTo("west-op");
        assertThat(me.path("type").asText()).isEqualTo("user");
        assertThat(me.path("csrfToken").asText()).isNotBlank();
        assertThat(withoutCsrf.get("/api/devices?" + Http.V).status()).isEqualTo(200);
        Http.Reply forged = withoutCsrf.patch("/api/devices/dev-west?" + Http.V, "{\"displayName\":\"x\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.errorCode()).isEqualTo("CsrfTokenMismatch");
        assertThat(user.patch("/api/devices/dev-west?" + Http.V, "{\"displayName\":\"x\"}").status()).isEqualTo(200);

        assertThat(user.post("/api/auth/logout?" + Http.V, "{}").status()).isEqualTo(204);
        Http.Reply ended = user.get("/api/auth/me?" + Http.V);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("signedIn").asBoolean()).isFalse();
        assertThat(ended.json().has("id")).isFalse();
        assertThat(ended.response().headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("oc_session=;").contains("Max-Age=0"));
        assertThat(user.get("/api/devices?" + Http.V).status()).isEqualTo(401);
    }

    @Test
    void checkingForASessionIsNotAnErrorButABadTokenIs() {
        Http.Reply anonymous = admin.as(null).get("/api/auth/me?" + Http.V);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("signedIn").asBoolean()).isFalse();
        assertThat(anonymous.json().size()).isEqualTo(1);
        assertThat(anonymous.response().headers().allValues("Set-Cookie")).isEmpty();

        JsonNode token = admin.get("/api/auth/me?" + Http.V).json();
        assertThat(token.path("signedIn").asBoolean()).isTrue();
        assertThat(token.path("type").asText()).isEqualTo("apiToken");
        assertThat(token.path("permissions")).isNotEmpty();
        assertThat(token.has("csrfToken")).isFalse();

        Http.Reply forged = admin.as("SharedAccessSignature sr=app-test&sig=AAAA&skn=nobody&se=1").get("/api/auth/me?" + Http.V);
        assertThat(forged.status()).isEqualTo(401);
        Http.Reply unknownCookie = admin.as(null).with("Cookie", "oc_session=not-a-session")
                .get("/api/auth/me?" + Http.V);
        assertThat(unknownCookie.status()).isEqualTo(200);
        assertThat(unknownCookie.json().path("signedIn").asBoolean()).isFalse();
    }

    @Test
    void repeatedFailedSignInsBackOff() {
        Http anonymous = admin.as(null);
        String wrong = "{\"email\":\"" + Scenario.WEST_USER + "\",\"password\":\"wrong password!!\"}";
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post("/api/auth/login?" + Http.V, wrong).status()).isEqualTo(401);
        }
        Http.Reply locked = anonymous.post("/api/auth/login?" + Http.V,
                "{\"email\":\"" + Scenario.WEST_USER + "\",\"password\":\"" + Scenario.PASSWORD + "\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isPresent();

        platform.tokenClock.advance(Duration.ofMinutes(1));
        assertThat(Scenario.signIn(admin, Scenario.WEST_USER).get("/api/auth/me?" + Http.V).status()).isEqualTo(200);
    }

    @Test
    void aScopedUserCannotReadListCommandOrDetectDevicesOutsideItsOrganization() {
        for (int i = 0; i < 25; i++) {
            Scenario.device(platform, "w-" + i, i % 2 == 0 ? "west" : "seattle");
            Scenario.device(platform, "e-" + i, "east");
        }
        Http user = Scenario.signIn(admin, Scenario.WEST_USER);

        Http.Reply hidden = user.get("/api/devices/dev-east?" + Http.V);
        Http.Reply missing = user.get("/api/devices/no-such?" + Http.V);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().path("error").path("message").asText().replace("dev-east", "X"))
                .isEqualTo(missing.json().path("error").path("message").asText().replace("no-such", "X"));
        assertThat(user.get("/api/devices/dev-root?" + Http.V).status()).isEqualTo(404);
        assertThat(user.get("/api/devices/dev-east/properties?" + Http.V).status()).isEqualTo(404);
        assertThat(user.patch("/api/devices/dev-east?" + Http.V, "{\"displayName\":\"x\"}").status()).isEqualTo(404);
        assertThat(user.put("/api/devices/dev-east?" + Http.V, "{\"displayName\":\"x\"}").status()).isEqualTo(404);
        assertThat(user.post("/api/devices/dev-east/commands/reboot?" + Http.V, "{\"connectionTimeout\":0}").status())
                .isEqualTo(404);
        assertThat(user.post("/api/devices/dev-west/commands/reboot?" + Http.V, "{\"connectionTimeout\":0}")
                .errorCode()).isEqualTo("DeviceNotOnline");

        List<String> seen = new ArrayList<>();
        String link = "/api/devices?" + Http.V + "&maxpagesize=7";
        int pages = 0;
        while (link != null) {
            JsonNode page = user.get(link).json();
            assertThat(page.path("value").size()).isLessThanOrEqualTo(7);
            page.path("value").forEach(d -> seen.add(d.path("id").asText()));
            link = page.has("nextLink") ? page.path("nextLink").asText() : null;
            pages++;
        }
        assertThat(seen).hasSize(26).allMatch(id -> id.startsWith("w-") || id.equals("dev-west"));
        assertThat(pages).isEqualTo(4);

        Http.Reply created = user.put("/api/devices/new-one?" + Http.V, "{}");
        assertThat(created.json().path("organizations").get(0).asText()).isEqualTo("west");
        assertThat(user.put("/api/devices/other?" + Http.V, "{\"organizations\":[\"east\"]}").status()).isEqualTo(403);
    }

    @Test
    void organizationsFormATreeAndAreNotDeletedWhileReferenced() {
        String org = "/api/organizations/";
        assertThat(admin.put(org + "l3?" + Http.V, "{\"displayName\":\"3\",\"parent\":\"seattle\"}").status())
                .isEqualTo(200);
        admin.put(org + "l4?" + Http.V, "{\"displayName\":\"4\",\"parent\":\"l3\"}");
        admin.put(org + "l5?" + Http.V, "{\"displayName\":\"5\",\"parent\":\"l4\"}");
        assertThat(admin.put(org + "l6?" + Http.V, "{\"displayName\":\"6\",\"parent\":\"l5\"}").status()).isEqualTo(400);
        assertThat(admin.patch(org + "west?" + Http.V, "{\"parent\":\"l5\"}").status()).isEqualTo(400);
        assertThat(admin.delete(org + "east?" + Http.V).status()).isEqualTo(409);
        assertThat(admin.delete(org + "west?" + Http.V).status()).isEqualTo(409);
        assertThat(admin.delete(org + "l5?" + Http.V).status()).isEqualTo(204);
        assertThat(admin.get(org + "l5?" + Http.V).status()).isEqualTo(404);

        Http westViewer = admin.as(platform.token("wv", BuiltInRole.ORG_ADMINISTRATOR.id(), "west"));
        JsonNode visible = westViewer.get("/api/organizations?" + Http.V).json().path("value");
        List<String> ids = new ArrayList<>();
        visible.forEach(o -> ids.add(o.path("id").asText()));
        assertThat(ids).contains("west", "seattle").doesNotContain("east");
        assertThat(westViewer.get(org + "east?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void customRolesAreStoredAndProtected() {
        Http.Reply created = admin.put("/api/roles/readers?" + Http.V,
                "{\"displayName\":\"Readers\",\"permissions\":[\"devices.executeCommands\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("permissions").toString()).contains("devices.update", "devices.view",
                "deviceTemplates.view");
        assertThat(admin.get("/api/roles/readers?" + Http.V).json().path("displayName").asText()).isEqualTo("Readers");
        assertThat(admin.get("/api/roles?" + Http.V).json().path("value").size()).isEqualTo(7);
        assertThat(admin.put("/api/roles/" + BuiltInRole.APP_OPERATOR.id() + "?" + Http.V,
                "{\"displayName\":\"x\",\"permissions\":[]}").status()).isEqualTo(400);

        String reader = platform.token("reader", "readers");
        assertThat(admin.as(reader).patch("/api/devices/dev-west?" + Http.V, "{\"enabled\":false}").status())
                .isEqualTo(200);
        assertThat(admin.delete("/api/roles/readers?" + Http.V).status()).isEqualTo(409);
        admin.delete("/api/apiTokens/reader?" + Http.V);
        assertThat(admin.delete("/api/roles/readers?" + Http.V).status()).isEqualTo(204);
    }

    @Test
    void changesAreAuditedWithoutSecrets() {
        admin.put("/api/devices/audited?" + Http.V, "{\"displayName\":\"A\"}");
        admin.patch("/api/devices/audited?" + Http.V, "{\"displayName\":\"B\"}");
        admin.put("/api/apiTokens/audited?" + Http.V, "{\"roles\":[{\"role\":\"" + BuiltInRole.APP_OPERATOR.id() + "\"}]}");

        JsonNode entries = admin.get("/api/auditLogs?" + Http.V + "&maxpagesize=2").json();
        assertThat(entries.path("value")).hasSize(2);
        assertThat(entries.has("nextLink")).isTrue();
        JsonNode token = entries.path("value").get(0);
        assertThat(token.path("actor").asText()).isEqualTo("apiToken:admin");
        assertThat(token.path("target").asText()).isEqualTo("/api/apiTokens/audited");
        assertThat(token.path("after").has("token")).isFalse();
        JsonNode patch = entries.path("value").get(1);
        assertThat(patch.path("before").path("displayName").asText()).isEqualTo("A");
        assertThat(patch.path("after").path("displayName").asText()).isEqualTo("B");
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(platform.log.read(0, 10_000))
                .anySatisfy(e -> assertThat(e.event())
                        .isInstanceOf(org.opencentral.core.event.PlatformEvent.AuditRecorded.class)));
        Http operator = admin.as(platform.token("op", BuiltInRole.APP_OPERATOR));
        assertThat(operator.get("/api/auditLogs?" + Http.V).status()).isEqualTo(403);
    }

    @Test
    void callersAreRateLimitedWithRetryAfter() {
        platform.close();
        platform = new TestPlatform(dir.resolve("limited"),
                ApiConfig.of("127.0.0.1", 0, TestPlatform.ID_SCOPE).withRateLimit(new RateLimit(1, 3)));
        Http limited = new Http(platform.port, platform.token("admin", BuiltInRole.APP_ADMINISTRATOR));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(limited.get("/api/devices?" + Http.V).status());
        }
        assertThat(statuses.subList(0, 3)).containsOnly(200);
        Http.Reply throttled = limited.get("/api/devices?" + Http.V);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
    }
}
