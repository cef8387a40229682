package org.opencentral.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencentral.api.openapi.OpenApiDocument;

/** The translated schemas reject what the spec rejects: the contract test's validator is not a no-op. */
class SpecResponsesTest {
    private final SpecResponses spec = new SpecResponses(OpenApiDocument.official(), Map.of("Role", Set.of("kind")));

    @Test
    void aConformingDeviceAndErrorPass() {
        assertThat(spec.check("GET", "/devices/{deviceId}", 200,
                "{\"id\":\"d1\",\"etag\":\"e\",\"displayName\":\"D\",\"enabled\":true,\"organizations\":[\"o\"]}"))
                .isEmpty();
        assertThat(spec.check("GET", "/devices/{deviceId}", 404,
                "{\"error\":{\"code\":\"NotFound\",\"message\":\"m\",\"time\":\"Thu, 6 Nov 2026 14:01:59 GMT\"}}"))
                .isEmpty();
    }

    @Test
    void wrongTypesUnknownMembersAndBadTimesFail() {
        assertThat(spec.check("GET", "/devices/{deviceId}", 200, "{\"id\":\"d1\",\"enabled\":\"yes\"}")).hasSize(1);
        assertThat(spec.check("GET", "/devices/{deviceId}", 200, "{\"id\":\"d1\",\"colour\":\"red\"}")).hasSize(1);
        assertThat(spec.check("GET", "/devices/{deviceId}", 404,
                "{\"error\":{\"code\":\"NotFound\",\"message\":\"m\",\"time\":\"2026-11-06T14:01:59Z\"}}")).hasSize(1);
        assertThat(spec.check("GET", "/devices", 200, "{\"nextLink\":\"x\"}")).hasSize(1);
    }

    @Test
    void polymorphicUsersAreCheckedAgainstTheirSubtype() {
        String roles = "\"roles\":[{\"role\":\"r\"}]";
        assertThat(spec.check("GET", "/users/{userId}", 200, "{\"id\":\"u\",\"type\":\"email\",\"email\":\"a@b.c\","
                + roles + "}")).isEmpty();
        assertThat(spec.check("GET", "/users/{userId}", 200, "{\"id\":\"u\",\"type\":\"email\"," + roles + "}"))
                .isNotEmpty();
        assertThat(spec.check("GET", "/users/{userId}", 200, "{\"id\":\"u\",\"type\":\"robot\"," + roles + "}"))
                .isNotEmpty();
    }

    @Test
    void statusesAndBodiesMustBeDeclared() {
        assertThat(spec.check("DELETE", "/devices/{deviceId}", 204, "")).isEmpty();
        assertThat(spec.check("DELETE", "/devices/{deviceId}", 200, "{}")).hasSize(1);
        assertThat(spec.check("DELETE", "/devices/{deviceId}", 204, "{}")).hasSize(1);
        assertThat(spec.check("GET", "/roles/{roleId}", 200, "{\"id\":\"r\",\"kind\":\"x\"}")).isEmpty();
    }
}
