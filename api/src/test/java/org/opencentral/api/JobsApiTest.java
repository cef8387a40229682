package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.platform.security.BuiltInRole;

/**
 * {@code /api/jobs} over real HTTP, real stores and the job engine stepped by hand: a command job
 * with exact per-device outcomes, its progress, stop/resume/rerun, validation errors, organization
 * scope and roles, and the audit log naming who acted.
 */
@Timeout(60)
class JobsApiTest extends ScenarioApiTest {
    Http operator;

    @BeforeEach
    void jobs() {
        JobScenario.build(platform);
        operator = admin.as(platform.token("job-operator", BuiltInRole.APP_OPERATOR));
    }

    private JsonNode job(String id) {
        return admin.get("/api/jobs/" + id + "?" + Http.V).json();
    }

    @Test
    void anOperatorRunsACommandJobAndReadsEachDevicesOutcome() {
        Http.Reply created = operator.put("/api/jobs/reboot?" + Http.V, JobScenario.REBOOT);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("status").asText()).isEqualTo("pending");
        assertThat(created.json().path("data").get(0).path("value")).isEqualTo(Json.parse("{\"delay\":1}"));

        platform.jobs.runOnce();
        platform.jobs.runOnce();

        JsonNode done = job("reboot");
        assertThat(done.path("status").asText()).isEqualTo("complete");
        assertThat(done.path("progress")).isEqualTo(Json.parse("{\"total\":2,\"pending\":0,\"completed\":1,\"failed\":1}"));
        assertThat(done.path("start").asText()).isNotBlank();
        assertThat(done.path("end").asText()).isNotBlank();
        assertThat(admin.get("/api/jobs/reboot/devices?" + Http.V).json().path("value")).isEqualTo(Json.parse(
                "[{\"id\":\"c-fan-1\",\"status\":\"completed\"},"
                        + "{\"id\":\"c-fan-2\",\"status\":\"failed\",\"reason\":\"device offline\"}]"));
        JsonNode history = admin.get("/api/devices/c-fan-1/commands/reboot?" + Http.V).json();
        assertThat(history.path("value").get(0).path("responseCode").asInt()).isEqualTo(200);
    }

    @Test
    void aStoppedJobWaitsUntilResumedAndARerunTakesTheFailedDevices() {
        assertThat(operator.put("/api/jobs/later?" + Http.V, JobScenario.REBOOT).status()).isEqualTo(200);
        assertThat(operator.post("/api/jobs/later/stop?" + Http.V, null).status()).isEqualTo(204);
        platform.jobs.runOnce();
        assertThat(job("later").path("status").asText()).isEqualTo("stopped");
        assertThat(job("later").path("progress").path("total").asInt()).isZero();

        assertThat(operator.post("/api/jobs/later/resume?" + Http.V, null).status()).isEqualTo(204);
        platform.jobs.runOnce();
        platform.jobs.runOnce();
        assertThat(job("later").path("status").asText()).isEqualTo("complete");

        Http.Reply rerun = operator.put("/api/jobs/c-done/rerun/again?" + Http.V, null);
        assertThat(rerun.status()).isEqualTo(200);
        assertThat(rerun.json().path("id").asText()).isEqualTo("again");
        assertThat(rerun.json().path("progress").path("total").asInt()).isEqualTo(1);
        platform.jobs.runOnce();
        platform.jobs.runOnce();
        assertThat(admin.get("/api/jobs/again/devices?" + Http.V).json().path("value")).isEqualTo(Json.parse(
                "[{\"id\":\"c-fan-2\",\"status\":\"failed\",\"reason\":\"device offline\"}]"));

        JsonNode audit = admin.get("/api/auditLogs?" + Http.V).json();
        assertThat(audit.toString()).contains("PUT /api/jobs/{jobId}", "POST /api/jobs/{jobId}/stop",
                "POST /api/jobs/{jobId}/resume", "PUT /api/jobs/{jobId}/rerun/{rerunId}", "apiToken:job-operator");
    }

    @Test
    void aScheduledJobsDueOccurrenceBecomesAJobListedUnderIt() {
        String once = JobScenario.REBOOT.replace("\"data\"", "\"schedule\":{\"start\":\"2020-01-01T00:00:00Z\"},\"data\"");
        Http.Reply created = operator.put("/api/scheduledJobs/weekly?" + Http.V, once.replace("\"start\"",
                "\"recurrence\":\"weekly\",\"start\"").replace("\"data\"", "\"enabled\":false,\"data\""));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("completed").asBoolean()).isFalse();
        assertThat(created.json().has("nextRun")).as("a disabled scheduled job runs nothing").isFalse();
        platform.jobs.runOnce();
        assertThat(admin.get("/api/scheduledJobs/weekly/jobs?" + Http.V).json().path("value")).isEmpty();

        Http.Reply enabled = operator.patch("/api/scheduledJobs/weekly?" + Http.V, "{\"enabled\":true}");
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().path("schedule").path("recurrence").asText()).isEqualTo("weekly");
        assertThat(enabled.json().path("nextRun").asText()).as("due since 2020").isEqualTo("2020-01-01T00:00:00Z");
        platform.jobs.runOnce();
        platform.jobs.runOnce();
        Instant next = Instant.parse(admin.get("/api/scheduledJobs/weekly?" + Http.V).json().path("nextRun").asText());
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(7)));
        assertThat(next.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY); // as 2020-01-01
        JsonNode jobs = admin.get("/api/scheduledJobs/weekly/jobs?" + Http.V).json().path("value");
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).path("scheduledJobId").asText()).isEqualTo("weekly");
        assertThat(jobs.get(0).path("status").asText()).isEqualTo("complete");
        JsonNode audit = admin.get("/api/auditLogs?" + Http.V).json();
        assertThat(audit.toString()).contains("RUN scheduled job (missed occurrences run once)",
                "PATCH /api/scheduledJobs/{scheduledJobId}");

        Http viewer = admin.as(platform.token("sched-viewer", BuiltInRole.ORG_VIEWER.id(), "west"));
        assertThat(viewer.delete("/api/scheduledJobs/weekly?" + Http.V).status()).isEqualTo(403);
        assertThat(operator.delete("/api/scheduledJobs/weekly?" + Http.V).status()).isEqualTo(204);
    }

    @Test
    void aBadJobIsA400NamingWhatIsWrongAndNothingIsStored() {
        Http.Reply noData = operator.put("/api/jobs/bad?" + Http.V, "{\"group\":\"c-fans\"}");
        assertThat(noData.status()).isEqualTo(400);
        assertThat(noData.json().path("error").path("message").asText()).contains("'data'");
        Http.Reply badBatch = operator.put("/api/jobs/bad?" + Http.V, JobScenario.REBOOT.replace("\"data\"",
                "\"batch\":{\"type\":\"percentage\",\"value\":150},\"data\""));
        assertThat(badBatch.status()).isEqualTo(400);
        assertThat(badBatch.json().path("error").path("message").asText()).contains("batch.value");
        Http.Reply badType = operator.put("/api/jobs/bad?" + Http.V, JobScenario.REBOOT.replace("command", "reboot"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("error").path("message").asText()).contains("data[0].type");
        assertThat(admin.get("/api/jobs/bad?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void aViewerMayNotRunJobsAndOrganizationsSeeOnlyTheirJobs() {
        Http viewer = admin.as(platform.token("job-viewer", BuiltInRole.ORG_VIEWER.id(), "west"));
        assertThat(viewer.put("/api/jobs/nope?" + Http.V, JobScenario.REBOOT).status()).isEqualTo(403);
        assertThat(viewer.get("/api/jobs?" + Http.V).status()).isEqualTo(403);
        Http westAdmin = admin.as(platform.token("job-west", BuiltInRole.ORG_ADMINISTRATOR.id(), "west"));
        assertThat(westAdmin.get("/api/jobs?" + Http.V).json().path("value")).isEmpty();
        assertThat(westAdmin.get("/api/jobs/c-done?" + Http.V).status()).isEqualTo(404);
        assertThat(westAdmin.put("/api/jobs/west-job?" + Http.V, JobScenario.REBOOT).status()).isEqualTo(400);
        assertThat(admin.get("/api/jobs?" + Http.V).json().path("value")).hasSize(1);
    }
}
