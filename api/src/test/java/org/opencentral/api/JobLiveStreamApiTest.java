package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.platform.security.BuiltInRole;

/**
 * {@code GET /api/live/jobs}: an operator watching the jobs sees a new job arrive pending, progress
 * and finish with each device's outcome counted, as job events; a stream for named jobs sends only
 * those; the row's access and the named jobs are checked before the stream opens.
 */
@Timeout(60)
class JobLiveStreamApiTest extends ScenarioApiTest {
    private String operator;

    @BeforeEach
    void jobs() {
        JobScenario.build(platform);
        operator = platform.token("live-operator", BuiltInRole.APP_OPERATOR);
    }

    @Test
    void anOperatorWatchesANewJobRunToItsEnd() throws Exception {
        HttpResponse<Stream<String>> response = open("/api/live/jobs?" + Http.V, operator);
        try (Stream<String> lines = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            Iterator<String> stream = lines.iterator();
            assertThat(admin.put("/api/jobs/live-1?" + Http.V, JobScenario.REBOOT).status()).isEqualTo(200);
            // the new job is streamed before it runs (once it runs, the stream may coalesce "pending" away)
            JsonNode created = nextJobEvent(stream);
            assertThat(created.path("id").asText()).isEqualTo("live-1");
            assertThat(created.path("status").asText()).isEqualTo("pending");
            platform.jobs.runOnce();
            platform.jobs.runOnce();

            List<JsonNode> events = new ArrayList<>(List.of(created));
            events.addAll(jobEventsUntilEnded(stream, "live-1"));
            assertThat(events).extracting(e -> e.path("id").asText()).containsOnly("live-1");
            // changes queued while the stream wrote are read once: states in between may be skipped, never reordered
            assertThat(events).extracting(e -> e.at("/progress/completed").asInt() + e.at("/progress/failed").asInt())
                    .isSorted();
            JsonNode last = events.getLast();
            assertThat(last.path("status").asText()).isEqualTo("complete");
            assertThat(last.path("progress")).isEqualTo(Json.parse(
                    "{\"total\":2,\"pending\":0,\"completed\":1,\"failed\":1}"));
        }
    }

    @Test
    void aStreamForNamedJobsSendsOnlyThose() throws Exception {
        assertThat(admin.put("/api/jobs/watched?" + Http.V, JobScenario.REBOOT).status()).isEqualTo(200);
        HttpResponse<Stream<String>> response = open("/api/live/jobs?" + Http.V + "&jobs=watched", operator);
        try (Stream<String> lines = response.body()) {
            Iterator<String> stream = lines.iterator();
            assertThat(admin.put("/api/jobs/unwatched?" + Http.V, JobScenario.REBOOT).status()).isEqualTo(200);
            platform.jobs.runOnce();
            platform.jobs.runOnce();

            List<JsonNode> events = jobEventsUntilEnded(stream, "watched");
            assertThat(events).extracting(e -> e.path("id").asText()).containsOnly("watched");
        }
    }

    @Test
    void theRowsAccessAndTheNamedJobsAreCheckedBeforeTheStreamOpens() throws Exception {
        String westViewer = platform.token("west-viewer", BuiltInRole.ORG_VIEWER.id(), "west");

        assertThat(status("/api/live/jobs?" + Http.V, null)).isEqualTo(401);
        assertThat(status("/api/live/jobs?" + Http.V, westViewer)).isEqualTo(403);
        assertThat(status("/api/live/jobs?" + Http.V + "&jobs=no-such-job", operator)).isEqualTo(404);
        assertThat(status("/api/live/jobs?" + Http.V + "&jobs=not%20an%20id", operator)).isEqualTo(400);
        assertThat(status("/api/live/jobs?" + Http.V + "&jobs=,", operator)).isEqualTo(400);
    }

    /** The job events of the stream up to the one where {@code id} is no longer pending or running. */
    private static List<JsonNode> jobEventsUntilEnded(Iterator<String> stream, String id) {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode job = nextJobEvent(stream);
            events.add(job);
            String status = job.path("status").asText();
            if (job.path("id").asText().equals(id) && !status.equals("pending") && !status.equals("running")) {
                return events;
            }
        }
    }

    /** The next job event of the stream (other events and comments skipped). */
    private static JsonNode nextJobEvent(Iterator<String> stream) {
        while (!stream.next().equals("event: job")) {
            // not a job event
        }
        return Json.parse(stream.next().substring("data: ".length()));
    }

    private int status(String pathAndQuery, String token) throws Exception {
        return new EventStreams(platform.port).status(pathAndQuery, token);
    }

    private HttpResponse<Stream<String>> open(String pathAndQuery, String token) throws Exception {
        return new EventStreams(platform.port).open(pathAndQuery, token);
    }
}
