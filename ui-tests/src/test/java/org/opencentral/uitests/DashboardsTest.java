package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;

/**
 * Dashboards in a real browser against a real node with simulated phones (PhoneSensors: barometer
 * and geolocation telemetry): an operator builds a dashboard with a line chart, a KPI, a map and a
 * markdown tile, moves and resizes a tile, saves, reloads and finds it unchanged; markdown never
 * runs markup; axe finds no serious violation in either theme.
 */
@Timeout(240)
class DashboardsTest extends BrowserTest {
    private static final String PHONE = "dtmi:azureiot:PhoneSensors;1";
    private static final String NOTES = "# Fleet notes\nPressure in **hPa**, see [the docs](https://example.com/).\n"
            + "<img src=x onerror=alert(1)> <script>alert(1)</script>";

    @BeforeAll
    static void phones() {
        publishTemplate(PHONE, "azureiot/phonesensors-1.json");
        RestClient rest = platform.rest();
        for (String id : List.of("phone-1", "phone-2", "phone-3")) {
            rest.put("/devices/" + id, Map.of("displayName", id, "template", PHONE, "simulated", true,
                    "simulationInterval", "PT1S")).ok();
        }
        rest.put("/deviceGroups/phones", Map.of("displayName", "Phones",
                "filter", "SELECT * FROM devices WHERE $template = \"" + PHONE + "\"")).ok();
    }

    @Test
    void anOperatorBuildsADashboardOfAFleetAndFindsItUnchangedAfterAReload() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            DashboardPage dashboard = DashboardPage.open(window.page()).create("Fleet").edit();
            dashboard.addTile("Line chart").configure("Pressure", "Phones", "barometer", "avg");
            dashboard.addTile("KPI").configure("Peak pressure", "Phones", "barometer", "max");
            dashboard.addTile("Map (location telemetry)").configure("Where", "Phones", "geolocation", null);
            dashboard.addTile("Markdown").markdown("Notes", NOTES);
            String before = dashboard.tile("Notes").getAttribute("style");
            dashboard.move("Notes", 1, 1).resize("Notes", 1, 0);
            String after = dashboard.tile("Notes").getAttribute("style");
            assertThat(after).as("moved and resized").isNotEqualTo(before);
            dashboard.save();

            assertDrawn(dashboard);
            assertThat(dashboard.renderedHeadings("Notes")).hasText("Fleet notes");
            assertThat(dashboard.markupElements("Notes")).hasCount(0);
            assertThat(dashboard.body("Notes")).containsText("<script>alert(1)</script>");
            assertThat(dashboard.links("Notes")).hasAttribute("href", "https://example.com/");
            assertThat(Axe.seriousViolations(window.page())).isEmpty();
            window.shot("60-dashboard");

            window.page().reload();
            assertDrawn(dashboard);
            assertThat(dashboard.tile("Notes").getAttribute("style")).isEqualTo(after);
            assertThat(dashboard.tiles()).hasCount(4);
            new AppShell(window.page()).switchToDarkTheme();
            assertThat(Axe.seriousViolations(window.page())).isEmpty();
            window.shot("61-dashboard-dark");
        }
    }

    /** The simulated phones' data reaches the tiles within a refresh or two (live feed, 30 s timer). */
    private static void assertDrawn(DashboardPage dashboard) {
        var waitForData = new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);
        assertThat(dashboard.chart("Pressure")).hasAttribute("data-drawn", "true", waitForData);
        assertThat(dashboard.kpiValue("Peak pressure")).hasText(Pattern.compile("\\d"),
                new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(dashboard.map("Where")).hasAttribute("data-drawn", "true", waitForData);
        assertThat(dashboard.map("Where")).hasAttribute("data-markers", "3", waitForData);
    }
}
