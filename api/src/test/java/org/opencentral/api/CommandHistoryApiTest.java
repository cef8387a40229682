package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.CommandHistoryStore;
import org.opencentral.platform.security.BuiltInRole;

/**
 * Command history over real HTTP: what was run, newest first, paged, bounded, and gone with the device;
 * and the audit entry of every valid call.
 */
@Timeout(60)
class CommandHistoryApiTest extends PlatformApiTest {
    private static final String DEVICE = "/api/devices/hist-1";
    Http api;

    @BeforeEach
    void operatorAndDevice() {
        api = new Http(platform.port, platform.token("operator", BuiltInRole.APP_OPERATOR));
        assertThat(api.put(DEVICE + "?" + Http.V, "{\"displayName\":\"History\"}").status()).isEqualTo(200);
        platform.sessions.register(new AnsweringSession(DeviceId.of("hist-1"), platform.commands,
                (method, request) -> "{\"echo\":" + request + "}"));
    }

    @Test
    void everyRunIsInTheHistoryNewestFirstWithWhatTheDeviceAnswered() {
        JsonNode first = api.post(DEVICE + "/commands/reboot?" + Http.V, "{\"request\":{\"n\":1}}").json();
        JsonNode second = api.post(DEVICE + "/commands/reboot?" + Http.V,
                "{\"request\":{\"n\":2},\"connectionTimeout\":3,\"responseTimeout\":7}").json();
        api.post(DEVICE + "/components/c1/commands/reboot?" + Http.V, "{\"request\":\"c1\"}");

        JsonNode history = api.get(DEVICE + "/commands/reboot?" + Http.V).json();

        assertThat(history.path("value")).hasSize(2);
        assertThat(history.path("value").get(0)).isEqualTo(second);
        assertThat(history.path("value").get(1)).isEqualTo(first);
        assertThat(second.path("connectionTimeout").asInt()).isEqualTo(3);
        assertThat(second.path("response").path("echo").path("n").asInt()).isEqualTo(2);
        assertThat(second.path("responseCode").asInt()).isEqualTo(200);
        assertThat(history.has("nextLink")).isFalse();
        JsonNode component = api.get(DEVICE + "/components/c1/commands/reboot?" + Http.V).json().path("value");
        assertThat(component).singleElement().satisfies(c -> assertThat(c.path("request").asText()).isEqualTo("c1"));
    }

    @Test
    void aCommandToAnOfflineDeviceIsRecordedWithoutResponse() {
        api.put("/api/devices/offline?" + Http.V, "{\"displayName\":\"Offline\"}");
        assertThat(api.post("/api/devices/offline/commands/reboot?" + Http.V, "{}").status()).isEqualTo(404);

        JsonNode entry = api.get("/api/devices/offline/commands/reboot?" + Http.V).json().path("value").get(0);
        assertThat(entry.has("id")).isTrue();
        assertThat(entry.has("response")).isFalse();
        assertThat(entry.has("responseCode")).isFalse();
    }

    @Test
    void pagesFollowNextLinkAndOnlyTheNewestAreKept() {
        int runs = CommandHistoryStore.KEEP + 3;
        for (int n = 1; n <= runs; n++) {
            assertThat(api.post(DEVICE + "/commands/ping?" + Http.V, "{\"request\":" + n + "}").status()).isEqualTo(201);
        }
        List<Integer> requests = new ArrayList<>();
        String next = DEVICE + "/commands/ping?" + Http.V + "&maxpagesize=40";
        int pages = 0;
        while (next != null) {
            JsonNode page = api.get(next).json();
            page.path("value").forEach(c -> requests.add(c.path("request").asInt()));
            next = page.has("nextLink") ? pathOf(page.path("nextLink").asText()) : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(requests).hasSize(CommandHistoryStore.KEEP).startsWith(runs, runs - 1).endsWith(4);
    }

    @Test
    void theHistoryGoesWithTheDevice() {
        api.post(DEVICE + "/commands/reboot?" + Http.V, "{}");
        assertThat(admin.delete(DEVICE + "?" + Http.V).status()).isEqualTo(204);
        admin.put(DEVICE + "?" + Http.V, "{\"displayName\":\"Again\"}");

        assertThat(api.get(DEVICE + "/commands/reboot?" + Http.V).json().path("value")).isEmpty();
        assertThat(api.get("/api/devices/none/commands/reboot?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void everyValidCallIsAuditedWithItsRequestBeforeItsAnswerLeavesWhateverTheDeviceDoes() {
        assertThat(api.post(DEVICE + "/commands/reboot?" + Http.V, "{\"request\":{\"n\":7},\"responseTimeout\":9}")
                .status()).isEqualTo(201);
        JsonNode answered = admin.get("/api/auditLogs?" + Http.V + "&maxpagesize=1").json().path("value").get(0);
        assertThat(answered.path("actor").asText()).isEqualTo("apiToken:operator");
        assertThat(answered.path("action").asText()).isEqualTo("POST /api/devices/{deviceId}/commands/{commandName}");
        assertThat(answered.path("target").asText()).isEqualTo(DEVICE + "/commands/reboot");
        assertThat(answered.path("after")).isEqualTo(Json.parse(
                "{\"request\":{\"n\":7},\"connectionTimeout\":0,\"responseTimeout\":9}"));

        api.put("/api/devices/offline?" + Http.V, "{\"displayName\":\"Offline\"}");
        assertThat(api.post("/api/devices/offline/commands/reboot?" + Http.V, "{}").status()).isEqualTo(404);
        JsonNode offline = admin.get("/api/auditLogs?" + Http.V + "&maxpagesize=1").json().path("value").get(0);
        assertThat(offline.path("target").asText()).isEqualTo("/api/devices/offline/commands/reboot");
        assertThat(offline.path("after")).isEqualTo(Json.parse("{\"connectionTimeout\":0,\"responseTimeout\":30}"));

        assertThat(api.post(DEVICE + "/commands/re(boot?" + Http.V, "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/devices/none/commands/reboot?" + Http.V, "{}").status()).isEqualTo(404);
        assertThat(api.post(DEVICE + "/commands/reboot?" + Http.V, "{\"responseTimeout\":1}").status()).isEqualTo(400);
        assertThat(admin.get("/api/auditLogs?" + Http.V + "&maxpagesize=1").json().path("value").get(0))
                .isEqualTo(offline);
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
