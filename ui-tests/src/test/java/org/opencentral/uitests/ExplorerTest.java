package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.testkit.RestClient;

/**
 * The data explorer in a real browser over three simulated phones with a week of stored barometer
 * history (written to the telemetry store, as the dashboard benchmark does; each phone's value is
 * constant, so a day's average is known): split a 7-day daily average by device, download the CSV
 * and find the table's rows in it, pin the query to a dashboard and see its tile drawn; axe finds
 * no serious violation.
 */
@Timeout(240)
class ExplorerTest extends BrowserTest {
    private static final String PHONE = "dtmi:azureiot:PhoneSensors;1";
    private static final List<String> PHONES = List.of("phone-1", "phone-2", "phone-3");

    @BeforeAll
    static void phonesWithAWeekOfHistory() {
        publishTemplate(PHONE, "azureiot/phonesensors-1.json");
        RestClient rest = platform.rest();
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        for (int d = 0; d < PHONES.size(); d++) {
            String id = PHONES.get(d);
            rest.put("/devices/" + id, Map.of("displayName", id, "template", PHONE, "simulated", true,
                    "simulationInterval", "PT24H")).ok();
            List<TelemetryPoint> points = new ArrayList<>();
            for (int h = 0; h < 6 * 24; h++) {
                points.add(new TelemetryPoint(new SeriesKey(DeviceId.of(id), "", "barometer"),
                        end.minus(h, ChronoUnit.HOURS), TelemetryValue.of(1001 + d)));
            }
            platform.telemetry().append(points);
        }
        rest.put("/deviceGroups/phones", Map.of("displayName", "Phones",
                "filter", "SELECT * FROM devices WHERE $template = \"" + PHONE + "\"")).ok();
        rest.put("/dashboards/ops", Map.of("displayName", "Operations")).ok();
    }

    @Test
    void theExplorerSplitsAWeeksDailyAverageByDeviceDownloadsItAndPinsItToADashboard() throws IOException {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            ExplorerPage explorer = ExplorerPage.open(window.page())
                    .query("phones", "barometer", "avg", "P1W", "P1D", "device");
            assertThat(explorer.chart()).hasAttribute("data-drawn", "true");
            int rows = explorer.table().locator("tbody tr").count();
            assertThat(rows).as("a row per day of the week").isBetween(6, 8);

            List<String> csv = explorer.downloadCsv().lines().toList();
            assertThat(csv.get(0)).isEqualTo("time,barometer (avg) phone-1,barometer (avg) phone-2,barometer (avg) phone-3");
            assertThat(csv).hasSize(rows + 1);
            // the oldest day holds only stored history: each phone's constant value
            assertThat(csv.get(1)).endsWith(",1001,1002,1003");
            assertThat(csv.get(1).split(",")[0]).isEqualTo(explorer.table().locator("tbody tr td").first().textContent());
            assertThat(Axe.seriousViolations(window.page())).isEmpty();
            window.shot("62-explorer");

            explorer.pin("Pressure by phone", "Operations");
            assertThat(window.page().getByText("Saved \"Pressure by phone\" to Operations")).isVisible();
            window.page().navigate("/dashboards/ops");
            DashboardPage dashboard = new DashboardPage(window.page());
            window.page().getByLabel("Time range").selectOption("P7D");
            assertThat(dashboard.chart("Pressure by phone")).hasAttribute("data-drawn", "true",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            assertThat(dashboard.chart("Pressure by phone")).hasAttribute("aria-label",
                    java.util.regex.Pattern.compile("3 series"));
            assertThat(Axe.seriousViolations(window.page())).isEmpty();
            window.shot("63-explorer-pinned");
        }
    }
}
