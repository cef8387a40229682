package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;

/**
 * The raw-data extension ({@code GET /api/devices/{id}/rawData}) over real HTTP and a real DuckDB
 * event log: a device's stored messages, newest first, errors marked, paged by nextLink, scoped by
 * organization like every device read.
 */
@Timeout(60)
class RawDataApiTest extends ScenarioApiTest {
    static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void everyMessageOfTheDeviceNewestFirstWithItsErrorAndNothingElse() {
        long first = sent("dev-root", Optional.empty(), "{\"temperature\":21.5}", Map.of("alert", "true"), 0);
        long connected = stored(new PlatformEvent.DeviceConnected(DeviceId.of("dev-root"), AT.plusSeconds(1)));
        sent("dev-west", Optional.empty(), "{\"temperature\":9}", Map.of(), 2);
        long broken = sent("dev-root", Optional.of("thermostat1"), "not json {", Map.of(), 3);
        stored(new PlatformEvent.ReportedPropertiesUpdated(DeviceId.of("dev-root"), AT.plusSeconds(4),
                Json.parseObject("{\"serialNumber\":\"SN-1\"}"), 2));
        long array = sent("dev-root", Optional.empty(), "[1,2]", Map.of(), 5);
        long gone = stored(new PlatformEvent.DeviceDisconnected(DeviceId.of("dev-root"), AT.plusSeconds(6),
                "keep-alive timeout"));

        JsonNode page = rawData(admin, "dev-root", "");

        JsonNode value = page.path("value");
        assertThat(sequences(value)).containsExactly(gone, array, broken, connected, first);
        assertThat(value.get(0).path("kind").asText()).isEqualTo("disconnected");
        assertThat(value.get(0).path("reason").asText()).isEqualTo("keep-alive timeout");
        assertThat(value.get(1).path("error").asText()).contains("not an object");
        assertThat(value.get(2).path("kind").asText()).isEqualTo("telemetry");
        assertThat(value.get(2).path("component").asText()).isEqualTo("thermostat1");
        assertThat(value.get(2).path("body").asText()).isEqualTo("not json {");
        assertThat(value.get(2).path("error").asText()).isEqualTo("the message is not valid JSON");
        assertThat(value.get(3).path("kind").asText()).isEqualTo("connected");
        JsonNode telemetry = value.get(4);
        assertThat(telemetry.path("body").asText()).isEqualTo("{\"temperature\":21.5}");
        assertThat(telemetry.path("time").asText()).isEqualTo(AT.toString());
        assertThat(telemetry.path("properties").path("alert").asText()).isEqualTo("true");
        assertThat(telemetry.has("error")).isFalse();
        assertThat(telemetry.has("component")).isFalse();
        assertThat(page.has("nextLink")).isFalse();
    }

    @Test
    void pagesFollowNextLinkWithoutGapsOrDuplicates() {
        List<Long> expected = new ArrayList<>();
        for (int n = 0; n < 23; n++) {
            expected.addFirst(sent("dev-root", Optional.empty(), "{\"n\":" + n + "}", Map.of(), n));
            sent("dev-west", Optional.empty(), "{\"n\":" + n + "}", Map.of(), n);
        }
        List<Long> read = new ArrayList<>();
        String next = "/api/devices/dev-root/rawData?" + Http.V + "&maxpagesize=5";
        int pages = 0;
        while (next != null) {
            Http.Reply reply = admin.get(next);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            JsonNode page = reply.json();
            assertThat(page.path("value").size()).isLessThanOrEqualTo(5);
            read.addAll(sequences(page.path("value")));
            next = page.has("nextLink") ? pathOf(page.path("nextLink").asText()) : null;
            pages++;
        }
        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(pages).isBetween(5, 6);
    }

    @Test
    void aDeviceOutsideTheCallersOrganizationsIsNotFoundLikeAMissingOne() {
        sent("dev-west", Optional.empty(), "{\"temperature\":2}", Map.of(), 0);
        sent("dev-east", Optional.empty(), "{\"temperature\":1}", Map.of(), 0);
        Http westUser = Scenario.signIn(new Http(platform.port, null), Scenario.WEST_USER);

        assertThat(rawData(westUser, "dev-west", "").at("/value/0/body").asText()).isEqualTo("{\"temperature\":2}");
        Http.Reply hidden = westUser.get("/api/devices/dev-east/rawData?" + Http.V);
        assertThat(hidden.status()).isEqualTo(404);
        JsonNode missing = westUser.get("/api/devices/no-such/rawData?" + Http.V).json();
        assertThat(hidden.json().at("/error/message").asText())
                .isEqualTo(missing.at("/error/message").asText().replace("no-such", "dev-east"));
        assertThat(admin.get("/api/devices/no-such/rawData?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void invalidPagingOptionsAreBadRequests() {
        for (String options : List.of("&$skiptoken=abc", "&$skiptoken=0", "&maxpagesize=0", "&maxpagesize=501",
                "&maxpagesize=x")) {
            Http.Reply reply = admin.get("/api/devices/dev-root/rawData?" + Http.V + options);
            assertThat(reply.status()).as(options + ": " + reply.text()).isEqualTo(400);
        }
        assertThat(admin.get("/api/devices/dev-root/rawData?" + Http.V + "&maxpagesize=500").status()).isEqualTo(200);
    }

    @Test
    void itIsAnExtensionThatNeedsTheViewRawDataPermission() {
        JsonNode operation = new Http(platform.port, null).get("/api/openapi.json?" + Http.V).json()
                .path("paths").path("/devices/{deviceId}/rawData").path("get");

        assertThat(operation.path("x-opencentral-extension").asBoolean()).isTrue();
        assertThat(operation.path("x-opencentral-access").asText()).isEqualTo("devices.viewRawData");
    }

    private long sent(String device, Optional<String> component, String body, Map<String, String> properties,
            int second) {
        return stored(new PlatformEvent.TelemetryReceived(DeviceId.of(device), AT.plusSeconds(second), component,
                properties, Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private long stored(PlatformEvent event) {
        return platform.log.append(event).join();
    }

    private static JsonNode rawData(Http http, String device, String options) {
        Http.Reply reply = http.get("/api/devices/" + device + "/rawData?" + Http.V + options);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private static List<Long> sequences(JsonNode value) {
        List<Long> sequences = new ArrayList<>();
        value.forEach(m -> sequences.add(m.path("sequence").asLong()));
        return sequences;
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
