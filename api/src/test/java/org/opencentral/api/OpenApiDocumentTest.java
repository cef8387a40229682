package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.api.openapi.OpenApiDocument;

/** The served document and the route table describe exactly the same operations. */
class OpenApiDocumentTest {
    @TempDir
    Path dir;
    TestPlatform platform;

    @BeforeEach
    void start() {
        platform = new TestPlatform(dir);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void theServedDocumentListsEveryRouteAndNothingElse() {
        JsonNode doc = new Http(platform.port, null).get("/api/openapi.json?" + Http.V).json();

        Set<String> documented = new TreeSet<>();
        doc.path("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " /api" + path.getKey())));
        Set<String> routed = new TreeSet<>();
        platform.server.routes().forEach(r -> routed.add(r.method().name() + " " + r.path()));

        assertThat(documented).isEqualTo(routed);
        assertThat(doc.path("swagger").asText()).isEqualTo("2.0");
    }

    @Test
    void specOperationsComeFromTheOfficialDocumentAndExtensionsAreMarked() {
        JsonNode doc = new Http(platform.port, null).get("/api/openapi.json?" + Http.V).json();
        JsonNode official = OpenApiDocument.official();

        assertThat(doc.path("paths").path("/devices/{deviceId}").path("get"))
                .isEqualTo(official.path("paths").path("/devices/{deviceId}").path("get"));
        platform.server.routes().stream().filter(r -> r.extension()).forEach(r -> assertThat(doc.path("paths")
                .path(r.path().substring(4)).path(r.method().name().toLowerCase(Locale.ROOT))
                .path("x-opencentral-extension").asBoolean()).as(r.path()).isTrue());
        platform.server.routes().stream().filter(r -> !r.extension()).forEach(r -> assertThat(official.path("paths")
                .path(r.path().substring(4)).has(r.method().name().toLowerCase(Locale.ROOT))).as(r.path()).isTrue());
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
}
