package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GET /api/devices and /api/deviceTemplates with $filter and $orderby, over real HTTP and real stores. */
@Timeout(60)
class DeviceListApiTest extends ScenarioApiTest {
    @BeforeEach
    void devices() {
        device("pump-1", "Pump North", "west", true);
        device("pump-2", "pump south", "east", false);
        device("valve-1", "Valve", "seattle", true);
        device("pump-3", "PUMP east", "east", true);
    }

    @Test
    void aFilteredSortedListFollowsNextLinkWithTheSameQuery() {
        List<String> names = listAll("/api/devices?" + Http.V + "&maxpagesize=1&$filter="
                + query("contains(displayName,'PUMP')") + "&$orderby=" + query("displayName desc"));

        assertThat(names).containsExactly("pump south", "Pump North", "PUMP east");
    }

    @Test
    void filtersCombineWithTheCallersOrganizations() {
        Http westOperator = Scenario.signIn(admin.as(null), Scenario.WEST_USER);

        assertThat(listAll("/api/devices?" + Http.V + "&$filter=" + query("enabled eq true")))
                .containsExactly("dev-east", "dev-root", "dev-west", "Pump North", "PUMP east", "Valve");
        assertThat(listIds(westOperator, "/api/devices?" + Http.V + "&$filter=" + query("enabled eq true")
                + "&$orderby=id"))
                .containsExactly("dev-west", "pump-1", "valve-1");
        assertThat(listIds(westOperator, "/api/devices?" + Http.V + "&$filter="
                + query("organizations/any(o: o eq 'east')"))).isEmpty();
    }

    @Test
    void badFiltersAre400WithThePositionInTheErrorBody() {
        Http.Reply reply = admin.get("/api/devices?" + Http.V + "&$filter=" + query("enabled eq 'yes'"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BadRequest");
        assertThat(reply.json().path("error").path("message").asText())
                .isEqualTo("$filter: expected true or false for enabled at position 12, found the string 'yes'");
        assertThat(admin.get("/api/devices?" + Http.V + "&$orderby=" + query("colour desc")).json().path("error")
                .path("message").asText()).contains("cannot order by 'colour'");
    }

    @Test
    void aCursorOfAnotherOrderIs400() {
        JsonNode first = admin.get("/api/devices?" + Http.V + "&maxpagesize=1&$orderby=displayName").json();
        String next = first.path("nextLink").asText().replace("%24orderby=displayName", "%24orderby=id");

        Http.Reply reply = admin.get(next);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText()).contains("follow nextLink as given");
    }

    @Test
    void theServedOpenApiDescribesTheListOptions() {
        JsonNode parameters = admin.get("/api/openapi.json?" + Http.V).json().path("paths").path("/devices").path("get")
                .path("parameters");

        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).contains("$filter", "$orderby", "$top", "maxpagesize", "$skiptoken");
    }

    @Test
    void templatesAreFilteredAndOrderedWithTheSameLanguage() {
        for (String name : List.of("Boiler", "alarm", "Chiller")) {
            assertThat(admin.put("/api/deviceTemplates/dtmi:contoso:" + name + "%3B1?" + Http.V, template(name))
                    .status()).isEqualTo(200);
        }
        String list = "/api/deviceTemplates?" + Http.V + "&maxpagesize=1&$orderby=" + query("displayName desc")
                + "&$filter=" + query("not startswith(id,'dtmi:contoso:B')");

        assertThat(list(admin, list, "displayName")).containsExactly("Chiller", "alarm");
        Http.Reply bad = admin.get("/api/deviceTemplates?" + Http.V + "&$filter=" + query("enabled eq true"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("message").asText())
                .startsWith("$filter: unknown field 'enabled' at position 1; expected one of id, displayName");
    }

    private static String template(String name) {
        return "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"" + name + "\","
                + "\"capabilityModel\":{\"@id\":\"dtmi:contoso:cm:" + name + ";1\",\"@type\":\"Interface\","
                + "\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"}]}}";
    }

    private void device(String id, String name, String organization, boolean enabled) {
        assertThat(admin.put("/api/devices/" + id + "?" + Http.V, "{\"displayName\":\"" + name + "\",\"enabled\":"
                + enabled + ",\"organizations\":[\"" + organization + "\"]}").status()).isEqualTo(200);
    }

    private List<String> listAll(String link) {
        return list(admin, link, "displayName");
    }

    private List<String> listIds(Http http, String link) {
        return list(http, link, "id");
    }

    private List<String> list(Http http, String first, String member) {
        List<String> values = new ArrayList<>();
        String link = first;
        while (link != null) {
            Http.Reply reply = http.get(link);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            reply.json().path("value").forEach(d -> values.add(d.path(member).asText()));
            link = reply.json().has("nextLink") ? reply.json().path("nextLink").asText() : null;
        }
        return values;
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
