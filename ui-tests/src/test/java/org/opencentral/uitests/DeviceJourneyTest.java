package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/**
 * The operator's journey in a real browser against a real node: sign in, create a device, connect
 * it (a real MQTT/TLS client), watch its telemetry arrive live, set a writable property and see the
 * device's acknowledgement, run a command and see its answer, delete the device, sign out.
 */
@Timeout(240)
class DeviceJourneyTest extends BrowserTest {
    private static final String DEVICE = "ui-thermostat-1";
    private static final Pattern VERSION = Pattern.compile("\\$version=(\\d+)");
    private static final Pattern RID = Pattern.compile("\\$rid=([^&]+)");
    private static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(20_000);

    @Test
    void operatorManagesADeviceFromSignInToDeletion() {
        // A wrong password, a broken model, a changed model under a published id and deleting a template in
        // use are refused on purpose; anything else failing is a fault.
        try (BrowserWindow window = session.open(platform.http())
                .expectFailure("POST", "/api/auth/login", 401)
                .expectFailure("PUT", "/api/deviceTemplates/", 400)
                .expectFailure("PUT", "/api/deviceTemplates/", 409)
                .expectFailure("DELETE", "/api/deviceTemplates/", 409)) {
            journey(window);
        }
    }

    private static void journey(BrowserWindow window) {
        Page page = window.page();

        // Sign in
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile(".*/signin$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in").setExact(true))).isVisible();
        shot(page, "01-sign-in");
        assertThat(window.console().problems()).as("a fresh browser's landing page").isEmpty();
        page.getByLabel("Email").fill("admin@example.com");
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not correct");
        page.getByLabel("Password").fill("a-long-test-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Devices").setExact(true))).isVisible();
        assertThat(page.getByTestId("current-user")).containsText("admin@example.com");
        assertThat(page.getByTestId("current-user")).containsText("App Administrator");
        shot(page, "02-devices-empty");

        importATemplate(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Devices").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Devices").setExact(true))).isVisible();

        // Create a device; its connection information is shown with copy buttons
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ New device").setExact(true)).click();
        page.getByLabel("Device ID").fill(DEVICE);
        page.getByLabel("Device name").fill("Thermostat (lobby)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Device created").setExact(true))).isVisible();
        String key = page.getByLabel("Primary key", new Page.GetByLabelOptions().setExact(true)).inputValue();
        assertThat(key).isNotBlank();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show Connection string").setExact(true)).click();
        assertThat(page.getByLabel("Connection string", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("HostName=" + TestPlatform.HOST + ";DeviceId=" + DEVICE + ";SharedAccessKey=" + key);
        assertThat(page.getByLabel("ID scope", new Page.GetByLabelOptions().setExact(true)))
                .hasValue(platform.server().identity().idScope());
        shot(page, "03-device-created");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done").setExact(true)).click();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(DEVICE));
        assertThat(row).isVisible();
        assertThat(row.getByTestId("device-status")).hasText("Registered");
        shot(page, "04-device-list");

        // Open it and connect a real device
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thermostat (lobby)").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thermostat (lobby)").setExact(true)))
                .isVisible();
        assertThat(page.getByText("Live", new Page.GetByTextOptions().setExact(true))).isVisible();
        try (TestDevice device = TestDevice.overTls(platform, DEVICE, key)) {
            device.connect();
            device.subscribe("$iothub/twin/PATCH/properties/desired/#");
            device.subscribe("$iothub/twin/res/#");
            device.subscribe("$iothub/methods/POST/#");
            assertThat(page.getByTestId("device-status")).hasText("Connected", exactly(20_000));
            shot(page, "05-device-overview");

            // Telemetry appears live on the chart
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Telemetry").setExact(true)).click();
            assertThat(page.getByTestId("no-telemetry")).isVisible();
            for (int i = 0; i < 12; i++) {
                device.sendTelemetry("{\"temperature\": " + (20 + i * 0.5) + ", \"humidity\": " + (40 + i) + "}")
                        .join();
            }
            device.sendTelemetry("not json {").join();
            Locator chart = page.locator("figure[data-capability=temperature]");
            assertThat(chart).isVisible(LONG);
            assertThat(chart.getByTestId("latest")).hasText("25.5", new LocatorAssertions.HasTextOptions()
                    .setTimeout(20_000));
            assertThat(chart.locator("canvas")).isVisible();
            assertThat(page.locator("figure[data-capability=humidity]")).isVisible();
            // The server's list of the device's series: without a template, everything is unmodeled
            Locator humidity = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Telemetry series"))
                    .locator("tr[data-series=humidity]");
            assertThat(humidity.getByTestId("modeled")).hasText("Unmodeled", new LocatorAssertions.HasTextOptions()
                    .setTimeout(20_000));
            assertThat(humidity).containsText("51");
            shot(page, "06-telemetry-live");

            // The same telemetry in a history window, read back from the server's telemetry store
            await().atMost(Duration.ofSeconds(20)).until(() -> platform.rest()
                    .get("/devices/" + DEVICE + "/telemetry/temperature/history").ok().path("points").size() == 12);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("30 minutes").setExact(true)).click();
            Locator history = page.locator("figure[data-mode=history][data-capability=temperature]");
            assertThat(history.getByTestId("history-summary")).hasText("12 points");
            assertThat(history.locator("canvas")).isVisible();
            assertThat(history.locator(".chart")).hasAttribute("data-points", "12");
            assertThat(page.locator("figure[data-mode=history][data-capability=humidity]")).isVisible();
            shot(page, "06b-telemetry-history-30-minutes");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Custom…").setExact(true)).click();
            page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2020-01-02T00:00");
            page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2020-01-01T00:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("start must be before the end");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Live").setExact(true)).click();
            assertThat(chart.getByTestId("latest")).hasText("25.5");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Raw data").setExact(true)).click();
            assertThat(page.locator("tr.row-error").first()).containsText("not valid JSON");
            shot(page, "07-raw-data");
            // Reopened, the page reads the messages sent before it opened back from the server
            page.reload();
            Locator raw = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Raw messages"));
            assertThat(raw.locator("tr.row-error").first()).containsText("not valid JSON", timeout(20_000));
            assertThat(raw.locator("tr[data-seq]").filter(new Locator.FilterOptions().setHasText("\"humidity\": 51")))
                    .hasCount(1);
            assertThat(raw.getByText("Connected", new Locator.GetByTextOptions().setExact(true))).isVisible();

            // Set a writable property: pending until the device acknowledges it
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Properties").setExact(true)).click();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("targetTemperature");
            page.getByLabel("Value (JSON or text)").fill("23.5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to device").setExact(true)).click();
            Locator property = page.locator("tr[data-property=targetTemperature]");
            assertThat(property.getByTestId("state")).containsText("Pending");
            Mqtt3Publish desired = awaitMessage(device, "$iothub/twin/PATCH/properties/desired/");
            JsonNode patch = Json.parse(new String(desired.getPayloadAsBytes(), StandardCharsets.UTF_8));
            assertThat(patch.path("targetTemperature").asDouble()).isEqualTo(23.5);
            long version = patch.has("$version") ? patch.get("$version").asLong() : version(desired.getTopic().toString());
            device.publish("$iothub/twin/PATCH/properties/reported/?$rid=1", "{\"targetTemperature\":{\"value\":23.5,"
                    + "\"ac\":200,\"av\":" + version + ",\"ad\":\"applied\"}}");
            assertThat(property.getByTestId("state")).containsText("Accepted", timeout(20_000));
            assertThat(property.getByTestId("reported")).hasText("23.5");
            shot(page, "08-properties-accepted");

            // Run a command and see the device's answer
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Commands").setExact(true)).click();
            page.getByLabel("Command name").fill("reboot");
            page.getByLabel("Request payload (JSON, optional)").fill("{\"delay\": 2}");
            CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> {
                Mqtt3Publish call = awaitMessage(device, "$iothub/methods/POST/reboot/");
                Matcher rid = RID.matcher(call.getTopic().toString());
                assertThat(rid.find()).isTrue();
                device.publish("$iothub/methods/res/200/?$rid=" + rid.group(1), "{\"status\":\"rebooting\",\"in\":2}");
            });
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run").setExact(true)).click();
            answer.join();
            Locator response = page.getByTestId("command-response");
            assertThat(response).containsText("rebooting", timeout(20_000));
            assertThat(response).containsText("200");
            shot(page, "09-command-response");
        }
        assertThat(page.getByTestId("device-status")).hasText("Disconnected", exactly(20_000));

        // Assign the imported template; a template in use cannot be deleted (409 explained)
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign template").setExact(true)).click();
        page.getByLabel("Device template").selectOption("dtmi:com:example:Thermostat;1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thermostat").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete template").setExact(true)).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.ALERT)).containsText("Devices still use this template");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel").setExact(true))
                .click();
        page.goBack();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thermostat").setExact(true)))
                .hasAttribute("title", "dtmi:com:example:Thermostat;1");

        // Delete it, with confirmation
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete device").setExact(true)).click();
        shot(page, "10-delete-confirmation");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Devices").setExact(true))).isVisible();
        assertThat(page.getByText("No devices yet")).isVisible();
        assertThat(platform.rest().get("/devices/" + DEVICE).status()).isEqualTo(404);

        // Other pages, the dark theme and a tablet width
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API tokens").setExact(true))).isVisible();
        shot(page, "11-api-tokens");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true)).click();
        assertThat(page.getByText("admin@example.com").first()).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to dark theme").setExact(true)).click();
        shot(page, "12-users-dark");
        page.setViewportSize(820, 1180);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Devices").setExact(true)).click();
        shot(page, "13-devices-tablet-dark");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in").setExact(true))).isVisible();
    }

    private static Mqtt3Publish awaitMessage(TestDevice device, String topicPrefix) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> device.received().stream()
                .filter(p -> p.getTopic().toString().startsWith(topicPrefix)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static long version(String topic) {
        Matcher m = VERSION.matcher(topic);
        assertThat(m.find()).as("desired patch topic %s carries $version", topic).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static LocatorAssertions.HasTextOptions exactly(double millis) {
        return new LocatorAssertions.HasTextOptions().setTimeout(millis);
    }

    private static LocatorAssertions.ContainsTextOptions timeout(double millis) {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(millis);
    }

    /**
     * Create a template by import: an invalid model shows each DTDL error at its pointer (and its
     * line highlighted); the Thermostat fixture publishes and is listed with its capabilities.
     */
    private static void importATemplate(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Device templates").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Device templates").setExact(true)))
                .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ Import template").setExact(true)).click();
        page.getByLabel("Model JSON").fill("""
                {
                  "@context": "dtmi:dtdl:context;2",
                  "@id": "dtmi:com:example:Broken;1",
                  "@type": "Interface",
                  "displayName": "Broken",
                  "contents": [
                    {
                      "@type": "Telemetry",
                      "name": "temperature",
                      "schema": "doubel"
                    }
                  ]
                }
                """);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
        Locator problem = page.getByTestId("model-problem").first();
        assertThat(problem).containsText("/contents/0/schema");
        assertThat(problem).containsText("Line 10");
        assertThat(page.locator(".source-view .bad-line")).containsText("doubel");
        shot(page, "02b-template-errors");

        String thermostat;
        try {
            thermostat = Files.readString(Path.of("../testdata/dtdl/dtmi/com/example/thermostat-1.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.getByLabel("Model JSON").fill(thermostat);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thermostat").setExact(true)))
                .isVisible();
        Locator capabilities = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Capabilities of Default component"));
        assertThat(capabilities.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("targetTemperature")))
                .containsText("writable");
        assertThat(capabilities).containsText("getMaxMinReport");
        assertThat(capabilities).containsText("temperature");

        // Cloud properties are edited through PATCH
        page.getByLabel("Property name").fill("customerName");
        page.getByLabel("Display name", new Page.GetByLabelOptions().setExact(true)).fill("Customer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add cloud property").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Cloud properties")))
                .containsText("customerName");
        page.evaluate("window.scrollTo(0, 0)");
        shot(page, "02c-template");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Device templates").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("dtmi:com:example:Thermostat;1")))
                .containsText("Thermostat");

        // A changed model under a published id is refused: a new version needs a new id
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ Import template").setExact(true)).click();
        page.getByLabel("Model JSON").fill(thermostat.replaceFirst("\"double\"", "\"float\""));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("give the new version a new id");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("dtmi:com:example:Thermostat;2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel").setExact(true)).click();
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshots()
                .resolve(name + ".png")).setFullPage(true));
    }
}
