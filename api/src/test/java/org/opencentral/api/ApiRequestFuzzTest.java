package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.platform.security.BuiltInRole;

/**
 * Coverage-guided fuzzing (Jazzer) of the REST API's request readers through a running
 * {@link ApiServer} over HTTP, as an administrator (rate limit lifted): the JSON bodies of every
 * {@code PUT}, {@code POST} and {@code PATCH} row of the route table, and the {@code $filter} and
 * {@code $orderby} of the device and template lists (parsed, then run on the SQLite state store).
 * Documented behaviour: bad input is a 4xx with IoT Central's error body. The property: no answer
 * is a 5xx (the error responder's answer to an unexpected exception, logged at ERROR with its stack
 * trace), and every request is answered within the request timeout.
 *
 * <p>An input of {@link #body} is {@code METHOD /path-template}, a line break, and the body (of
 * {@link #listOptions}: the {@code $filter}, a line break, and the {@code $orderby}); a first
 * line that names no write row picks one by its hash, so every input reaches a reader. Path
 * parameters are {@value #ID} (a device of that id exists). Seeds: {@code ApiRequestFuzzTestInputs/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRequestFuzzTest {
    private static final String ID = "fuzz-1";
    private TestPlatform platform;
    private Http api;
    private List<ApiRoute> writes;

    @BeforeAll
    void start(@TempDir Path dir) {
        platform = new TestPlatform(dir, ApiConfig.of("127.0.0.1", 0, TestPlatform.ID_SCOPE)
                .withRateLimit(new RateLimit(1_000_000, 1_000_000)));
        api = new Http(platform.port, platform.token("fuzz-admin", BuiltInRole.APP_ADMINISTRATOR));
        writes = platform.restRoutes().stream()
                .filter(r -> r.method() == HandlerType.PUT || r.method() == HandlerType.POST
                        || r.method() == HandlerType.PATCH)
                .sorted(Comparator.comparing(ApiRoute::path).thenComparing(r -> r.method().name()))
                .toList();
        assertThat(api.put("/api/devices/" + ID + "?" + Http.V, "{\"displayName\":\"fuzz\"}").status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    @FuzzTest
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void body(byte[] input) {
        String[] lines = firstLineAndRest(input);
        String target = lines[0];
        String body = lines[1];
        ApiRoute route = writes.stream().filter(r -> target.equals(r.method() + " " + r.path())).findFirst()
                .orElseGet(() -> writes.get(Math.floorMod(target.hashCode(), writes.size())));
        String path = route.path().replaceAll("\\{[^}]+}", ID) + "?" + Http.V;
        assertAnswered(route.method() + " " + route.path(), api.send(route.method().name(), path, body, null));
    }

    @FuzzTest
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void listOptions(byte[] input) {
        String[] lines = firstLineAndRest(input);
        String filter = lines[0];
        String orderBy = lines[1];
        String query = "?" + Http.V + "&%24filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                + (orderBy.isEmpty() ? "" : "&%24orderby=" + URLEncoder.encode(orderBy, StandardCharsets.UTF_8));
        for (String list : List.of("/api/devices", "/api/deviceTemplates")) {
            assertAnswered("GET " + list, api.get(list + query));
        }
    }

    /** The input's first line and what follows it (empty without a line break). */
    private static String[] firstLineAndRest(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return newline < 0 ? new String[] {text, ""} : new String[] {text.substring(0, newline), text.substring(newline + 1)};
    }

    private static void assertAnswered(String request, Http.Reply reply) {
        assertThat(reply.status()).as("%s answered %s", request, reply.text()).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(reply.errorCode()).as("%s answers an error body: %s", request, reply.text()).isNotBlank();
        }
    }
}
