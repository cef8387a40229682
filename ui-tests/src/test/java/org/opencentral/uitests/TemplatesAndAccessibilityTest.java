package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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
            page.navigate("/devices/" + DEVICE + "/telemetry");
            Locator series = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Telemetry series"));
            Locator temperature = series.locator("tr[data-series='thermostat1/temperature']");
            assertThat(temperature).containsText("Temperature");
            assertThat(temperature).containsText("21.5");
            assertThat(temperature.getByTestId("modeled")).hasText("Modeled");
            assertThat(series.locator("tr[data-series=workingSet]")).containsText("Working Set");
            Locator fan = series.locator("tr[data-series=fanSpeed]");
            assertThat(fan.getByTestId("modeled")).hasText("Unmodeled");
            assertThat(page.getByText("4 sent by the device, 1 not in its template")).isVisible();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("30 minutes").setExact(true)).click();
            Locator history = page.locator("figure[data-mode=history][data-capability='thermostat2/temperature']");
            assertThat(history.locator("figcaption")).containsText("thermostat2 / Temperature");
            assertThat(history.getByTestId("history-summary")).hasText("1 point");
            assertThat(page.locator("figure[data-mode=history][data-capability=fanSpeed] figcaption")).containsText("fanSpeed");
            DeviceJourneyTest.shot(page, "14-telemetry-series");

            page.navigate("/templates/" + URLEncoder.encode(CONTROLLER, StandardCharsets.UTF_8));
            Locator second = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Capabilities of Thermostat Two"));
            assertThat(second).containsText("targetTemperature");
            assertThat(second).containsText("getMaxMinReport");
            assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Capabilities of Thermostat One")))
                    .containsText("maxTempSinceLastReboot");
            DeviceJourneyTest.shot(page, "15-template-components");

            // A new version: the model to edit comes with the next version's ids
            page.navigate("/templates/" + URLEncoder.encode("dtmi:com:example:Thermostat;1", StandardCharsets.UTF_8));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish a new version").setExact(true))
                    .click();
            Locator model = page.getByLabel("Model JSON");
            assertThat(model).hasValue(java.util.regex.Pattern.compile("\"@id\": \"dtmi:com:example:Thermostat;2\""));
            model.fill(model.inputValue().replace("\"displayName\": \"Temperature\"",
                    "\"displayName\": \"Temperature (v2)\""));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/templates/dtmi%3Acom%3Aexample%3AThermostat%3B2$"));
            assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Capabilities of Default component")))
                    .containsText("Temperature (v2)");
            assertThat(platform.rest().get("/deviceTemplates/dtmi:com:example:Thermostat;2").status()).isEqualTo(200);
        }
    }

    @Test
    void aDeviceWithMoreSeriesThanListedSaysSo() {
        try (BrowserWindow window = signedIn()) {
            Page page = window.page();
            page.navigate("/devices/" + MANY_SERIES + "/telemetry");
            assertThat(page.getByRole(AriaRole.NOTE).filter(new Locator.FilterOptions().setHasText("more series")))
                    .containsText("the first 1,000 (by component and name) are shown");
            Locator series = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Telemetry series"));
            assertThat(series.locator("tr[data-series=s0999]")).isVisible();
            assertThat(series.locator("tr[data-series=s1000]")).hasCount(0);
        }
    }

    @Test
    void withATemplateCloudPropertiesAreEditableAndCommandsAreFormsFromTheirSchema() {
        try (BrowserWindow window = signedIn().expectFailure("POST", "/api/devices/" + DEVICE + "/commands/", 404)) {
            Page page = window.page();
            page.navigate("/devices/" + DEVICE + "/properties");
            Locator customer = page.locator("tr[data-property=customerName]");
            assertThat(customer).containsText("Cloud");
            assertThat(customer.getByTestId("state")).hasText("Not set");
            assertThat(page.locator("tr[data-property=serialNumber]")).containsText("Read-only");
            customer.getByLabel("New value of customerName").fill("1234");
            customer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
            assertThat(customer.getByTestId("state")).hasText("Saved");
            assertThat(customer.getByTestId("reported")).hasText("1234");
            assertThat(platform.rest().get("/devices/" + DEVICE + "/properties").ok().path("customerName").asText())
                    .isEqualTo("1234");
            DeviceJourneyTest.shot(page, "17-cloud-property");

            page.navigate("/devices/" + DEVICE + "/commands");
            page.getByLabel("Command", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("Reboot"));
            page.getByLabel("Delay (integer)").fill("2.5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("Delay must be a whole number.");
            page.getByLabel("Delay (integer)").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("The device is not connected");
            page.getByLabel("Command", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("thermostat2 / Get Max-Min report."));
            assertThat(page.getByLabel("Since (dateTime)")).isVisible();
            DeviceJourneyTest.shot(page, "18-command-form");
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
                DeviceJourneyTest.shot(page, "16-audit-" + theme);
            }
        }
        assertThat(found.values().stream().flatMap(List::stream)).as(Axe.describe(found)).isEmpty();
        assertThat(found).hasSize((pages.size() + 1) * 2);
    }

    private static BrowserWindow signedIn() {
        return session.signedIn(platform.http());
    }

}
