package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.TestDevice;

/**
 * A device on IoT Central's TemperatureController model (two components of the Thermostat
 * interface: the stored template inlines it once, the second component keeps the reference) that also sends telemetry its model does not describe:
 * the telemetry tab lists every series with the model's display names and the unmodeled ones
 * marked, the template page shows the referenced component's capabilities, and axe-core finds no
 * serious or critical accessibility violation on the main pages in the light and the dark theme.
 */
@Timeout(240)
class TemplatesAndAccessibilityTest extends BrowserTest {
    private static final String DEVICE = "controller-1";
    /** A device with more series than the server lists at once (1,000). */
    private static final String MANY_SERIES = "many-series-1";
    private static final String CONTROLLER = "dtmi:com:example:TemperatureController;1";


    @BeforeAll
    static void start() {
        publishTemplate("dtmi:com:example:Thermostat;1", "com/example/thermostat-1.json");
        publishTemplate("dtmi:azure:DeviceManagement:DeviceInformation;1", "azure/devicemanagement/deviceinformation-1.json");
        publishTemplate(CONTROLLER, "com/example/temperaturecontroller-1.json");
        ObjectNode model = (ObjectNode) platform.rest().get("/deviceTemplates/" + CONTROLLER).ok().path("capabilityModel");
        ((ArrayNode) model.get("contents")).addObject()
                .put("name", "customerName").put("displayName", "Customer").put("schema", "string")
                .putArray("@type").add("Property").add("Cloud");
        platform.rest().patch("/deviceTemplates/" + CONTROLLER, Map.of("capabilityModel", model)).ok();
        String key = platform.createDevice(DEVICE);
        platform.rest().patch("/devices/" + DEVICE, Map.of("template", CONTROLLER)).ok();
        try (TestDevice device = TestDevice.overTls(platform, DEVICE, key)) {
            device.connect();
            device.sendTelemetry("{\"workingSet\": 512.5, \"fanSpeed\": 3}").join();
            device.sendTelemetry("thermostat1", "{\"temperature\": 21.5}").join();
            device.sendTelemetry("thermostat2", "{\"temperature\": 19.25}").join();
        }
        String manyKey = platform.createDevice(MANY_SERIES);
        try (TestDevice device = TestDevice.overTls(platform, MANY_SERIES, manyKey)) {
            device.connect();
            StringBuilder body = new StringBuilder("{");
            for (int i = 0; i < 1_001; i++) {
                body.append(i == 0 ? "" : ",").append("\"s").append(String.format("%04d", i)).append("\":").append(i);
            }
            device.sendTelemetry(body.append('}').toString()).join();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.rest().get("/devices/" + DEVICE + "/telemetry").ok()
                .path("value").size() == 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.rest().get("/devices/" + MANY_SERIES + "/telemetry")
                .ok().path("truncated").asBoolean());
    }

    @Test
    void theTelemetryTabListsModeledAndUnmodeledSeriesAndTheTemplateShowsReferencedComponents() {
        try (BrowserWindow window = signedIn()) {
            Page page = window.page();
            TelemetryTab telemetry = TelemetryTab.open(page, DEVICE);
            Locator temperature = telemetry.series("thermostat1/temperature");
            assertThat(temperature).containsText("Temperature");
            assertThat(temperature).containsText("21.5");
            assertThat(temperature.getByTestId("modeled")).hasText("Modeled");
            assertThat(telemetry.series("workingSet")).containsText("Working Set");
            assertThat(telemetry.series("fanSpeed").getByTestId("modeled")).hasText("Unmodeled");
            assertThat(page.getByText("4 sent by the device, 1 not in its template")).isVisible();

            telemetry.showLast("30 minutes");
            Locator history = telemetry.historyChart("thermostat2/temperature");
            assertThat(history.locator("figcaption")).containsText("thermostat2 / Temperature");
            assertThat(history.getByTestId("history-summary")).hasText("1 point");
            assertThat(telemetry.historyChart("fanSpeed").locator("figcaption")).containsText("fanSpeed");
            window.shot("14-telemetry-series");

            TemplatePage controller = TemplatePage.open(page, CONTROLLER);
            Locator second = controller.capabilities("Thermostat Two");
            assertThat(second).containsText("targetTemperature");
            assertThat(second).containsText("getMaxMinReport");
            assertThat(controller.capabilities("Thermostat One")).containsText("maxTempSinceLastReboot");
            window.shot("15-template-components");

            // A new version: the model to edit comes with the next version's ids
            TemplatePage thermostat = TemplatePage.open(page, "dtmi:com:example:Thermostat;1");
            Locator model = thermostat.publishNewVersion();
            assertThat(model).hasValue(java.util.regex.Pattern.compile("\"@id\": \"dtmi:com:example:Thermostat;2\""));
            model.fill(model.inputValue().replace("\"displayName\": \"Temperature\"",
                    "\"displayName\": \"Temperature (v2)\""));
            thermostat.publish();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/templates/dtmi%3Acom%3Aexample%3AThermostat%3B2$"));
            assertThat(thermostat.capabilities("Default component")).containsText("Temperature (v2)");
            assertThat(platform.rest().get("/deviceTemplates/dtmi:com:example:Thermostat;2").status()).isEqualTo(200);
        }
    }

    @Test
    void aDeviceWithMoreSeriesThanListedSaysSo() {
        try (BrowserWindow window = signedIn()) {
            TelemetryTab telemetry = TelemetryTab.open(window.page(), MANY_SERIES);
            assertThat(telemetry.truncationNote()).containsText("the first 1,000 (by component and name) are shown");
            assertThat(telemetry.series("s0999")).isVisible();
            assertThat(telemetry.series("s1000")).hasCount(0);
        }
    }

    @Test
    void withATemplateCloudPropertiesAreEditableAndCommandsAreFormsFromTheirSchema() {
        try (BrowserWindow window = signedIn().expectFailure("POST", "/api/devices/" + DEVICE + "/commands/", 404)) {
            PropertiesTab properties = PropertiesTab.open(window.page(), DEVICE);
            assertThat(properties.row("customerName")).containsText("Cloud");
            assertThat(properties.state("customerName")).hasText("Not set");
            assertThat(properties.row("serialNumber")).containsText("Read-only");
            properties.set("customerName", "1234");
            assertThat(properties.state("customerName")).hasText("Saved");
            assertThat(properties.reported("customerName")).hasText("1234");
            assertThat(platform.rest().get("/devices/" + DEVICE + "/properties").ok().path("customerName").asText())
                    .isEqualTo("1234");
            window.shot("17-cloud-property");

            CommandsTab commands = CommandsTab.open(window.page(), DEVICE).choose("Reboot");
            commands.field("Delay (integer)").fill("2.5");
            commands.run();
            assertThat(commands.error()).hasText("Delay must be a whole number.");
            commands.field("Delay (integer)").fill("2");
            commands.run();
            assertThat(commands.error()).containsText("The device is not connected");
            commands.choose("thermostat2 / Get Max-Min report.");
            assertThat(commands.field("Since (dateTime)")).isVisible();
            window.shot("18-command-form");
        }
    }

    @Test
    void theMainPagesHaveNoSeriousAccessibilityViolationsInEitherTheme() {
        String device = "/devices/" + DEVICE;
        List<String> pages = List.of("/devices", device, device + "/properties", device + "/commands",
                device + "/telemetry", device + "/raw", "/templates",
                "/templates/" + URLEncoder.encode(CONTROLLER, StandardCharsets.UTF_8), "/users", "/roles", "/tokens",
                "/audit");
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String theme : List.of("light", "dark")) {
            try (BrowserWindow window = session.open(platform.http())) {
                window.context().addInitScript("localStorage.setItem('oc-theme', '" + theme + "')");
                Page page = window.page();
                page.navigate("/signin");
                assertThat(page.locator("main h1")).hasText("Sign in");
                found.put(theme + " /signin", Axe.seriousViolations(page));
            }
            try (BrowserWindow window = signedIn()) {
                Page page = window.page();
                page.evaluate("t => localStorage.setItem('oc-theme', t)", theme);
                for (String path : pages) {
                    page.navigate(path);
                    assertThat(page.locator("main h1")).isVisible();
                    assertThat(page.locator("[role=status].loading")).hasCount(0);
                    found.put(theme + " " + path, Axe.seriousViolations(page));
                }
                window.shot("16-audit-" + theme);
            }
        }
        assertThat(found.values().stream().flatMap(List::stream)).as(Axe.describe(found)).isEmpty();
        assertThat(found).hasSize((pages.size() + 1) * 2);
    }

    private static BrowserWindow signedIn() {
        return session.signedIn(platform.http());
    }

}
