package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;

/**
 * Jobs in a real browser against a real node: an operator runs a command job on a group of
 * simulated devices through the guided flow, watches it complete, reads each device's outcome,
 * filters it and exports it as CSV, and finds the job with its progress in the jobs list.
 */
@Timeout(180)
class JobsTest extends BrowserTest {
    private static final String FAN = "dtmi:com:example:ui:JobFan;1";

    @BeforeAll
    static void fleet() {
        RestClient rest = platform.rest();
        rest.put("/deviceTemplates/" + FAN.replace(";", "%3B"), "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],"
                + "\"displayName\":\"Job fan\",\"capabilityModel\":{\"@id\":\"dtmi:com:example:ui:JobFanModel;1\","
                + "\"@type\":\"Interface\",\"contents\":[{\"@type\":\"Command\",\"name\":\"reboot\","
                + "\"displayName\":\"Reboot\"}]}}").ok();
        for (String id : new String[] {"job-fan-1", "job-fan-2", "job-fan-3"}) {
            rest.put("/devices/" + id, Map.of("displayName", id, "template", FAN, "simulated", true)).ok();
        }
        rest.put("/deviceGroups/ui-fans", Map.of("displayName", "UI fans",
                "filter", "SELECT * FROM devices WHERE $template = \"" + FAN + "\"")).ok();
    }

    @Test
    void anOperatorRunsACommandJobOnSimulatedDevicesAndWatchesItComplete() throws IOException {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            NewJobPage flow = NewJobPage.open(window.page());
            flow.name("Reboot fans");
            flow.group("UI fans");
            flow.command("Reboot (reboot)");
            flow.waitForOfflineDevices(60);
            assertThat(Axe.seriousViolations(flow.page)).isEmpty();
            JobPage job = flow.run();

            job.assertCounts("3 of 3 · 3 completed · 0 failed");
            assertThat(job.status()).hasText("complete");
            assertThat(job.devices()).containsText("job-fan-1");
            assertThat(job.devices().getByRole(AriaRole.ROW)).hasCount(4);
            job.filter("Failed");
            assertThat(job.devices()).containsText("No devices.");
            job.filter("All");
            String csv = Files.readString(job.exportCsv().path());
            assertThat(csv).isEqualTo("device,status,reason\njob-fan-1,completed,\njob-fan-2,completed,\n"
                    + "job-fan-3,completed,\n");
            assertThat(Axe.seriousViolations(job.page)).isEmpty();

            job.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Jobs")).click();
            Locator jobs = job.page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Jobs").setExact(true));
            assertThat(jobs).containsText("Reboot fans");
            assertThat(jobs.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("value", "3");
        }
    }

    /** The guided new-job flow. */
    private record NewJobPage(Page page) {
        static NewJobPage open(Page page) {
            page.navigate("/jobs");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("+ New job")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New job"))).isVisible();
            return new NewJobPage(page);
        }

        void name(String name) {
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        }

        void group(String group) {
            page.getByLabel("Device group").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(group));
        }

        void command(String label) {
            Locator command = page.getByLabel("Command", new Page.GetByLabelOptions().setExact(true));
            assertThat(command.locator("option", new Locator.LocatorOptions().setHasText(label))).hasCount(1);
            command.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(label));
        }

        void waitForOfflineDevices(int seconds) {
            page.getByLabel("Wait for offline devices (seconds, 0 to 300)").fill(String.valueOf(seconds));
        }

        JobPage run() {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run job")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reboot fans"))).isVisible();
            return new JobPage(page);
        }
    }

    /** One job's page. */
    private record JobPage(Page page) {
        void assertCounts(String text) {
            assertThat(page.getByTestId("job-counts")).hasText(text,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        }

        Locator status() {
            return page.locator(".page-head .badge").first();
        }

        Locator devices() {
            return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Job devices"));
        }

        void filter(String status) {
            page.getByLabel("Status").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(status));
        }

        Download exportCsv() {
            return page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Export CSV")).click());
        }
    }
}
