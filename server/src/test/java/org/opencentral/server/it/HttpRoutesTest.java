package org.opencentral.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.server.testkit.TestPlatform;

/**
 * The whole server's HTTP routes, as the composition root wires every feature: what Javalin
 * actually serves under {@code /api} is exactly what the served OpenAPI document describes, the
 * only other endpoints are {@code /healthz} and {@code /metrics}, and the UI's rows answer its files
 * and, for other browser addresses, its page, while unknown API paths stay a JSON 404.
 */
@Timeout(120)
class HttpRoutesTest {
    private static TestPlatform platform;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyServedApiEndpointIsDocumentedAndEveryDocumentedOneIsServed() {
        JsonNode doc = platform.rest().get("/openapi.json").ok();
        Set<String> documented = new TreeSet<>();
        doc.path("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " /api" + path.getKey())));
        Set<String> served = new TreeSet<>();
        Set<String> outsideApi = new TreeSet<>();
        platform.server().httpEndpoints().stream()
                .filter(e -> !e.method().equals("BEFORE") && !e.method().equals("AFTER"))
                .forEach(e -> (e.path().startsWith("/api/") ? served : outsideApi).add(e.method() + " " + e.path()));

        assertThat(served).isEqualTo(documented);
        assertThat(served).contains("GET /api/live", "POST /api/query",
                "GET /api/deviceTemplates", "PUT /api/enrollmentGroups/{enrollmentGroupId}");
        assertThat(outsideApi).containsExactlyInAnyOrder("GET /healthz", "GET /metrics");
    }

    @Test
    void theUiRowsServeItsFilesAndItsPageButNotUnknownApiPaths() throws Exception {
        HttpResponse<String> index = get("/");
        HttpResponse<String> page = get("/devices/some-device");
        HttpResponse<String> unknownApi = get("/api/nothing-here?api-version=2022-07-31");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(index.body());
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.http() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
