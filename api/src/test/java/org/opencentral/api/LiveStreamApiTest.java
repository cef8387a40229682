package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.security.RoleKind;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.security.Permission;

/**
 * {@code GET /api/live}, a stream row of the route table: the installer authenticates, checks
 * {@code api-version} and {@code devices.view} before the stream opens, and the stream opens with
 * the state of each device the caller may see; a device outside the caller's organizations is 404.
 */
@Timeout(60)
class LiveStreamApiTest extends ScenarioApiTest {

    @Test
    void aViewerGetsAnEventStreamThatOpensWithTheDeviceState() throws Exception {
        HttpResponse<Stream<String>> response = open("/api/live?" + Http.V + "&devices=dev-west",
                platform.token("viewer", BuiltInRole.APP_OPERATOR));
        try (Stream<String> lines = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            Iterator<String> stream = lines.iterator();
            String line = stream.next();
            while (!line.startsWith("event: ")) {
                line = stream.next();
            }
            assertThat(line).isEqualTo("event: state");
            assertThat(Json.parse(stream.next().substring("data: ".length())).path("deviceId").asText())
                    .isEqualTo("dev-west");
        }
    }

    @Test
    void theRowsAccessIsCheckedBeforeTheStreamOpens() throws Exception {
        String westViewer = platform.token("west-viewer", BuiltInRole.ORG_VIEWER.id(), "west");
        platform.security.roles().put("user-reader", "User reader", RoleKind.APPLICATION,
                Set.of(Permission.USERS_VIEW));
        String noDeviceView = platform.token("no-view", "user-reader");

        assertThat(status("/api/live?" + Http.V + "&devices=dev-west", null)).isEqualTo(401);
        assertThat(status("/api/live?devices=dev-west", westViewer)).isEqualTo(400);
        assertThat(status("/api/live?" + Http.V, westViewer)).isEqualTo(400);
        assertThat(status("/api/live?" + Http.V + "&devices=dev-east", westViewer)).isEqualTo(404);
        assertThat(status("/api/live?" + Http.V + "&devices=dev-west", noDeviceView)).isEqualTo(403);
    }

    private int status(String pathAndQuery, String token) throws Exception {
        return new EventStreams(platform.port).status(pathAndQuery, token);
    }

    private HttpResponse<Stream<String>> open(String pathAndQuery, String token) throws Exception {
        return new EventStreams(platform.port).open(pathAndQuery, token);
    }
}
