package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;

/**
 * Jobs in a real browser against a real node. An operator runs a command job on a group of three
 * simulated fans and one real fan that is offline, entering the command's request through the form
 * generated from its schema; the job page's progress moves through the live feed, without a reload,
 * when the real fan connects and answers; the operator reads each device's outcome, exports it,
 * copies the job and runs the copy. Another schedules a daily job through the same flow, finds it
 * under the scheduled jobs with its next run, and disables it.
 */
@Timeout(180)
class JobsTest extends BrowserTest {
    private static final String FAN = "dtmi:com:example:ui:JobFan;1";
    private static final String REAL_FAN = "job-fan-4";
    private static String realFanKey;

    @BeforeAll
    static void fleet() {
        RestClient rest = platform.rest();
        publishTemplate(FAN, "Job fan", "{\"@type\":\"Command\",\"name\":\"reboot\",\"displayName\":\"Reboot\","
                + "\"request\":{\"name\":\"delay\",\"displayName\":\"Delay\",\"schema\":\"integer\"}}");
        for (String id : new String[] {"job-fan-1", "job-fan-2", "job-fan-3"}) {
            rest.put("/devices/" + id, Map.of("displayName", id, "template", FAN, "simulated", true)).ok();
        }
        realFanKey = platform.createDevice(REAL_FAN);
        rest.patch("/devices/" + REAL_FAN, Map.of("template", FAN)).ok();
        rest.put("/deviceGroups/ui-fans", Map.of("displayName", "UI fans",
                "filter", "SELECT * FROM devices WHERE $template = \"" + FAN + "\"")).ok();
    }

    @Test
    void anOperatorWatchesACommandJobProgressLiveThenCopiesIt() throws IOException {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            JobPage job = runACommandJobThatWaitsForTheRealFan(window);
            List<String> jobReads = readsOf(job, "/api/jobs/" + job.id());
            job.page().evaluate("() => { window.jobPageNotReloaded = true; }");
            List<String> calls = new CopyOnWriteArrayList<>();
            try (TestDevice fan = TestDevice.overTls(platform, REAL_FAN, realFanKey)) {
                fan.connect();
                fan.answerMethods(Duration.ZERO, calls::add);

                job.assertCounts("4 of 4 · 4 completed · 0 failed");
                assertThat(job.status()).hasText("complete");
                assertThat(job.progressBar()).hasAttribute("value", "4");
                assertThat(job.page().evaluate("() => window.jobPageNotReloaded === true")).isEqualTo(true);
                assertThat(jobReads).as("the progress came through the live feed, not by reading the job").isEmpty();
                assertThat(calls).containsExactly("reboot");
                readTheOutcomes(job);
                copyAndRunAgain(job);
                assertThat(calls).containsExactly("reboot", "reboot");
            }
        }
    }

    /** The flow with the command's request in the generated form; the simulated fans answer, the real one is offline. */
    private static JobPage runACommandJobThatWaitsForTheRealFan(BrowserWindow window) {
        NewJobPage flow = NewJobPage.open(window.page());
        flow.name("Reboot fans");
        flow.group("UI fans");
        flow.command("Reboot (reboot)");
        flow.requestField("Delay (integer)").fill("5");
        flow.waitForOfflineDevices(90);
        assertThat(Axe.seriousViolations(flow.page())).isEmpty();
        JobPage job = flow.run("Reboot fans");
        job.assertCounts("3 of 4 · 3 completed · 0 failed");
        assertThat(job.status()).hasText("running");
        assertThat(platform.rest().get("/jobs/" + job.id()).ok().at("/data/0/value").asInt()).isEqualTo(5);
        return job;
    }

    /** Copy job prefills the flow with the job's group, command, request and wait; the copy runs. */
    private static void copyAndRunAgain(JobPage job) {
        NewJobPage copy = job.copy();
        assertThat(copy.name()).hasValue("Copy of Reboot fans");
        assertThat(copy.group()).hasValue("ui-fans");
        assertThat(copy.command()).hasValue("reboot");
        assertThat(copy.requestField("Delay (integer)")).hasValue("5");
        assertThat(copy.waitForOfflineDevices()).hasValue("90");
        JobPage second = copy.run("Copy of Reboot fans");
        second.assertCounts("4 of 4 · 4 completed · 0 failed");

        JobsPage jobs = second.backToJobs();
        assertThat(jobs.jobs()).containsText("Reboot fans");
        assertThat(jobs.jobs().getByRole(AriaRole.PROGRESSBAR)).hasCount(2);
        assertThat(jobs.jobs().getByRole(AriaRole.PROGRESSBAR).first()).hasAttribute("value", "4");
        assertThat(jobs.jobs().getByRole(AriaRole.PROGRESSBAR).last()).hasAttribute("value", "4");
    }

    private static void readTheOutcomes(JobPage job) throws IOException {
        assertThat(job.devices().getByRole(AriaRole.ROW)).hasCount(5);
        assertThat(Roles.row(job.devices(), REAL_FAN)).containsText("completed");
        job.filter("Failed");
        assertThat(job.devices()).containsText("No devices.");
        job.filter("All");
        String csv = Files.readString(job.exportCsv().path());
        assertThat(csv).isEqualTo("device,status,reason\njob-fan-1,completed,\njob-fan-2,completed,\n"
                + "job-fan-3,completed,\njob-fan-4,completed,\n");
        assertThat(Axe.seriousViolations(job.page())).isEmpty();
    }

    /** The paths of the page's GET requests to exactly {@code path} from now on. */
    private static List<String> readsOf(JobPage job, String path) {
        List<String> reads = new CopyOnWriteArrayList<>();
        job.page().onRequest(request -> {
            if (request.method().equals("GET") && URI.create(request.url()).getPath().equals(path)) {
                reads.add(request.url());
            }
        });
        return reads;
    }

    @Test
    void anOperatorSchedulesADailyJobSeesItsNextRunAndDisablesIt() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            NewJobPage flow = NewJobPage.open(window.page());
            flow.name("Nightly reboot");
            flow.group("UI fans");
            flow.command("Reboot (reboot)");
            flow.requestField("Delay (integer)").fill("1");
            String start = LocalDate.now().plusDays(2) + "T02:30";
            flow.schedule(start, "Daily", 5);
            JobsPage jobs = flow.scheduleJob();

            String shown = (String) window.page().evaluate("s => new Date(s).toLocaleString()", start);
            String instant = (String) window.page().evaluate("s => new Date(s).toISOString()", start);
            assertThat(jobs.scheduled("Nightly reboot")).containsText("daily from " + shown + ", 5 times");
            assertThat(jobs.scheduledCell("Nightly reboot", 4)).hasText(shown);
            assertThat(jobs.scheduledCell("Nightly reboot", 5)).hasText("enabled");
            JsonNode stored = scheduled("Nightly reboot");
            assertThat(stored.at("/schedule/recurrence").asText()).isEqualTo("daily");
            assertThat(stored.at("/schedule/end/occurrences").asInt()).isEqualTo(5);
            assertThat(stored.path("nextRun").asText()).isEqualTo(instant.replace(".000Z", "Z"));
            assertThat(stored.at("/data/0/value").asInt()).isEqualTo(1);
            assertThat(Axe.seriousViolations(jobs.page())).isEmpty();

            jobs.disable("Nightly reboot");
            assertThat(jobs.scheduledCell("Nightly reboot", 5)).hasText("disabled");
            assertThat(jobs.scheduledCell("Nightly reboot", 4)).hasText("—");
            JsonNode disabled = scheduled("Nightly reboot");
            assertThat(disabled.path("enabled").asBoolean()).isFalse();
            assertThat(disabled.has("nextRun")).isFalse();
        }
    }

    private static JsonNode scheduled(String name) {
        JsonNode list = platform.rest().get("/scheduledJobs").ok().path("value");
        return StreamSupport.stream(list.spliterator(), false)
                .filter(s -> s.path("displayName").asText().equals(name)).findFirst().orElseThrow();
    }
}
