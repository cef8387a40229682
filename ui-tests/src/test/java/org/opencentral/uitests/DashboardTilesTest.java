package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.testkit.RestClient;

/**
 * The pie, heat map, event, state, property, command, image and track tiles in a real browser over
 * two simulated door sensors (a test model with a state, an event, a number, a geopoint, a writable
 * property and a command) whose past day is written to the telemetry store: every tile draws from
 * the one data request, a writable property is set and a command run from their tiles, the uploaded
 * image shows under the strict Content-Security-Policy, and axe finds no serious violation. The
 * explorer counts the doors' states (strings) per device.
 */
@Timeout(240)
class DashboardTilesTest extends BrowserTest {
    private static final String DOOR = "dtmi:opencentral:DoorSensor;1";
    private static final List<String> DOORS = List.of("door-1", "door-2");
    /** A 2×2 PNG, as the image tile's panel keeps an uploaded image. */
    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4"
            + "nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";

    @BeforeAll
    static void doorsWithADayOfHistory() {
        publishTemplate(DOOR, "opencentral/doorsensor-1.json");
        RestClient rest = platform.rest();
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        for (int d = 0; d < DOORS.size(); d++) {
            String id = DOORS.get(d);
            rest.put("/devices/" + id, Map.of("displayName", id, "template", DOOR, "simulated", true,
                    "simulationInterval", "PT24H")).ok();
            List<TelemetryPoint> points = new ArrayList<>();
            for (int h = 1; h <= 12; h++) {
                Instant time = end.minus(h, ChronoUnit.HOURS);
                points.add(point(id, "door", time, TelemetryValue.of(h % (2 + d) == 0 ? "open" : "closed")));
                points.add(point(id, "level", time, TelemetryValue.of(10 * (d + 1) + h)));
                points.add(point(id, "position.lat", time, TelemetryValue.of(45.0 + d + h * 0.1)));
                points.add(point(id, "position.lon", time, TelemetryValue.of(4.8 + h * 0.1)));
                if (h % 4 == 0) {
                    points.add(point(id, "alarm", time, TelemetryValue.of("tamper " + h)));
                }
            }
            platform.telemetry().append(points);
        }
        rest.put("/deviceGroups/doors", Map.of("displayName", "Doors",
                "filter", "SELECT * FROM devices WHERE $template = \"" + DOOR + "\"")).ok();
        String day = "\"queryRange\":{\"type\":\"time\",\"duration\":\"P1D\"}";
        List<String> tiles = List.of(
                tile("Level share", 0, 0, "pieChart", "\"devices\":[\"door-1\",\"door-2\"]," + capability("level", "sum") + "," + day),
                tile("Level heat", 4, 0, "heatMapChart", "\"devices\":[\"door-1\",\"door-2\"]," + capability("level", "avg") + "," + day),
                tile("Alarms", 8, 0, "eventChart", "\"devices\":[]," + capability("alarm", "count") + "," + day),
                tile("Alarm log", 0, 3, "eventHistoryChart", "\"devices\":[]," + capability("alarm", "count") + "," + day),
                tile("Doors", 4, 3, "stateChart", "\"devices\":[]," + capability("door", "count") + "," + day),
                tile("Door log", 8, 3, "stateHistoryChart", "\"devices\":[]," + capability("door", "count") + "," + day),
                tile("Tracks", 0, 6, "mapTelemetry", "\"devices\":[]," + capability("position", "count")),
                tile("Set point", 4, 6, "property", "\"devices\":[]," + capability("setpoint", "count")),
                "{\"id\":\"ring\",\"displayName\":\"Ring door 1\",\"x\":8,\"y\":6,\"width\":4,\"height\":3,"
                        + "\"configuration\":{\"type\":\"command\",\"group\":\"doors\",\"device\":\"door-1\","
                        + "\"command\":\"ring\"}}",
                "{\"id\":\"logo\",\"displayName\":\"Logo\",\"x\":0,\"y\":9,\"width\":2,\"height\":2,"
                        + "\"configuration\":{\"type\":\"image\",\"image\":\"" + PNG + "\"}}");
        rest.put("/dashboards/doors", org.opencentral.core.Json.parse("{\"displayName\":\"Doors\",\"favorite\":true,"
                + "\"tiles\":[" + String.join(",", tiles) + "]}")).ok();
    }

    private static TelemetryPoint point(String device, String capability, Instant time, TelemetryValue value) {
        return new TelemetryPoint(new SeriesKey(DeviceId.of(device), "", capability), time, value);
    }

    private static String capability(String name, String function) {
        return "\"capabilities\":[{\"capability\":\"" + name + "\",\"aggregateFunction\":\"" + function + "\"}]";
    }

    private static String tile(String name, int x, int y, String type, String members) {
        return "{\"id\":\"" + type + "\",\"displayName\":\"" + name + "\",\"x\":" + x + ",\"y\":" + y
                + ",\"width\":4,\"height\":3,\"configuration\":{\"type\":\"" + type + "\",\"group\":\"doors\","
                + members + "}}";
    }

    @Test
    void everyTileOfADoorFleetDrawsAndActsOnItsDevices() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            window.page().navigate("/dashboards/doors");
            DashboardPage dashboard = new DashboardPage(window.page());
            // the stored half day, and whatever the simulated doors send when they start (one message each)
            var wait = new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
            assertThat(dashboard.tile("Level share").locator("svg")).hasAttribute("data-slices", "2", wait);
            assertThat(dashboard.tile("Level share")).containsText("door-1 sum level");
            assertThat(dashboard.tile("Level heat").locator("svg")).hasAttribute("data-cells", Pattern.compile("2[4-6]"), wait);
            assertThat(dashboard.tile("Alarms").locator("svg")).hasAttribute("data-marks", Pattern.compile("[6-8]"), wait);
            assertThat(dashboard.tile("Alarm log").locator("tbody tr").count()).isBetween(6, 8);
            assertThat(dashboard.tile("Alarm log").locator("tbody")).containsText("tamper 4");
            assertThat(dashboard.tile("Doors").locator("svg")).hasAttribute("data-marks", Pattern.compile("2[4-6]"), wait);
            assertThat(dashboard.tile("Door log").locator("tbody tr").count()).isBetween(24, 26);
            assertThat(dashboard.map("Tracks")).hasAttribute("data-tracks", "2", wait);
            assertThat(dashboard.tile("Tracks").locator(".map-tracks polyline")).hasCount(2);
            assertThat(dashboard.tile("Tracks").locator(".map-track-end")).hasCount(2);
            Locator logo = dashboard.tile("Logo").getByRole(com.microsoft.playwright.options.AriaRole.IMG);
            assertThat(logo).isVisible();
            assertThat(logo.evaluate("img => img.complete && img.naturalWidth")).isEqualTo(2);
            assertThat(Axe.seriousViolations(window.page())).isEmpty();
            window.shot("64-dashboard-tiles");

            Locator setPoint = dashboard.tile("Set point");
            Locator door2 = setPoint.locator("form").filter(new Locator.FilterOptions().setHasText("setpoint of door-2"));
            door2.getByLabel(Pattern.compile("setpoint of door-2")).fill("21.5");
            Roles.button(door2, "Set").click();
            assertThat(window.page().getByText("Sent setpoint to door-2.")).isVisible();
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(platform.rest()
                    .get("/devices/door-2/properties").ok().path("setpoint").asDouble()).isEqualTo(21.5));

            Locator ring = dashboard.tile("Ring door 1");
            ring.getByLabel(Pattern.compile("Times")).fill("3");
            Roles.button(ring, "Run Ring").click();
            assertThat(ring.getByTestId("command-response")).containsText("200",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        }
    }

    @Test
    void theExplorerCountsTheDoorsStatesPerDeviceAndOffersNothingButCountForThem() throws java.io.IOException {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            ExplorerPage explorer = ExplorerPage.open(window.page());
            window.page().getByLabel("Device group").selectOption("doors");
            window.page().getByLabel("Telemetry").selectOption("door");
            assertThat(window.page().getByLabel("Aggregation").locator("option")).hasText(new String[] {"count"});
            explorer.query("doors", "door", "count", "P1D", "PT1H", "device");
            assertThat(explorer.chart()).hasAttribute("data-drawn", "true");
            List<String> csv = explorer.downloadCsv().lines().toList();
            assertThat(csv.get(0)).isEqualTo("time,door (count) door-1,door (count) door-2");
            // the stored half day: one state an hour per door (and what each sends when its simulation starts)
            assertThat(csv.subList(1, csv.size())).filteredOn(row -> row.endsWith(",1,1")).hasSizeBetween(11, 13);
        }
    }
}
