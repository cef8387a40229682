package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.api.http.PublicRoute;
import org.opencentral.api.http.Route;
import org.opencentral.api.http.StreamRoute;
import org.opencentral.api.openapi.OpenApiDocument;

/** The served document, the route table and what Javalin actually serves describe the same operations. */
class OpenApiDocumentTest extends PlatformApiTest {
    @Test
    void theServedDocumentListsEveryRouteAndNothingElse() {
        Set<String> routed = new TreeSet<>();
        platform.documentedRoutes().forEach(r -> routed.add(r.method().name() + " " + r.path()));

        assertThat(documented(served())).isEqualTo(routed);
        assertThat(routed).contains("GET /api/live", "GET /api/openapi.json");
        assertThat(served().path("swagger").asText()).isEqualTo("2.0");
    }

    @Test
    void everyEndpointJavalinServesUnderApiIsDocumentedAndEveryDocumentedOneIsServed() {
        Set<String> endpoints = new TreeSet<>();
        Set<String> outsideApi = new TreeSet<>();
        platform.server.endpoints().stream().filter(e -> !e.method().equals("BEFORE") && !e.method().equals("AFTER"))
                .forEach(e -> (e.path().startsWith("/api/") ? endpoints : outsideApi)
                        .add(e.method() + " " + e.path()));

        assertThat(endpoints).isEqualTo(documented(served()));
        assertThat(outsideApi).containsExactlyInAnyOrder("GET /healthz", "GET /metrics");
    }

    @Test
    void theLiveStreamIsAnExtensionThatProducesServerSentEvents() {
        JsonNode live = served().path("paths").path("/live").path("get");

        assertThat(live.path("x-opencentral-extension").asBoolean()).isTrue();
        assertThat(live.path("produces").get(0).asText()).isEqualTo("text/event-stream");
        assertThat(live.path("x-opencentral-access").asText()).isEqualTo("devices.view");
        assertThat(live.path("parameters").findValuesAsText("name")).contains("devices");
    }

    @Test
    void specOperationsComeFromTheOfficialDocumentAndExtensionsAreMarked() {
        JsonNode doc = served();
        JsonNode official = OpenApiDocument.official();

        assertThat(doc.path("paths").path("/devices/{deviceId}").path("get"))
                .isEqualTo(official.path("paths").path("/devices/{deviceId}").path("get"));
        for (Route r : platform.documentedRoutes()) {
            String verb = r.method().name().toLowerCase(Locale.ROOT);
            String path = r.path().substring(4);
            boolean extension = switch (r) {
                case ApiRoute rest -> rest.extension();
                case StreamRoute stream -> true;
                case PublicRoute other -> throw new AssertionError("not a documented row: " + other);
            };
            if (extension) {
                assertThat(doc.path("paths").path(path).path(verb).path("x-opencentral-extension").asBoolean())
                        .as(r.path()).isTrue();
            } else {
                assertThat(official.path("paths").path(path).has(verb)).as(r.path()).isTrue();
            }
        }
        assertThat(doc.at("/definitions/DeviceRelationship/properties/name/x-opencentral-extension").asBoolean())
                .isTrue();
        assertThat(official.at("/definitions/DeviceRelationship/properties/name").isMissingNode()).isTrue();
        assertThat(doc.at("/definitions/Device/properties/simulationInterval/x-opencentral-extension").asBoolean())
                .isTrue();
        assertThat(official.at("/definitions/Device/properties/simulationInterval").isMissingNode()).isTrue();
        for (String member : new String[] {"connected", "lastActivity"}) {
            assertThat(doc.at("/definitions/Device/properties/" + member + "/x-opencentral-extension").asBoolean())
                    .as(member).isTrue();
            assertThat(doc.at("/definitions/Device/properties/" + member + "/readOnly").asBoolean()).as(member).isTrue();
        }
        // Checking for a session is open to anybody (it answers signedIn false rather than 401)
        assertThat(doc.at("/paths/~1auth~1me/get/x-opencentral-access").asText()).isEqualTo("anonymous");
    }

    private JsonNode served() {
        return new Http(platform.port, null).get("/api/openapi.json?" + Http.V).json();
    }

    /** "METHOD /api/path" of every operation in {@code doc}. */
    private static Set<String> documented(JsonNode doc) {
        Set<String> documented = new TreeSet<>();
        doc.path("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " /api" + path.getKey())));
        return documented;
    }
}
