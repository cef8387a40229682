package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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
 * The operator's journey in a real browser against a real node, over HTTPS on the HTTPS port (the
 * node's own certificate; sign-in cookies, the live feed and every call through TLS): sign in,
 * create a device, connect
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
        try (BrowserWindow window = session.open(platform.https())
                .expectFailure("POST", "/api/auth/login", 401)
                .expectFailure("PUT", "/api/deviceTemplates/", 400)
                .expectFailure("PUT", "/api/deviceTemplates/", 409)
                .expectFailure("DELETE", "/api/deviceTemplates/", 409)) {
            journey(window);
        }
    }

    private static void journey(BrowserWindow window) {
        AppShell app = new AppShell(window.page());
        signIn(window, app);
        importATemplate(window, app.templates());
        DeviceListPage devices = app.devices();
        String key = createADevice(window, devices);

        // Open it and connect a real device
        DevicePage device = devices.openDevice("Thermostat (lobby)");
        assertThat(device.liveBadge()).isVisible();
        try (TestDevice thermostat = TestDevice.overTls(platform, DEVICE, key)) {
            thermostat.connect();
            thermostat.subscribe("$iothub/twin/PATCH/properties/desired/#");
            thermostat.subscribe("$iothub/twin/res/#");
            thermostat.subscribe("$iothub/methods/POST/#");
            assertThat(device.status()).hasText("Connected", exactly(20_000));
            window.shot("05-device-overview");
            watchTelemetry(window, device.telemetry(), thermostat);
            readRawData(window, device.rawData());
            setAProperty(window, device.properties(), thermostat);
            runACommand(window, device.commands(), thermostat);
        }
        assertThat(device.status()).hasText("Disconnected", exactly(20_000));

        assignATemplateThenDeleteTheDevice(window, device);
        visitOtherPages(window, app);
        app.signOut();
    }

    /** A wrong password is refused in plain words; the right one shows the device list and who is signed in. */
    private static void signIn(BrowserWindow window, AppShell app) {
        Page page = window.page();
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile(".*/signin$"));
        SignInPage signIn = SignInPage.shown(page);
        window.shot("01-sign-in");
        assertThat(window.console().problems()).as("a fresh browser's landing page").isEmpty();
        signIn.submit(SignInPage.ADMIN_EMAIL, "wrong password");
        assertThat(signIn.error()).containsText("not correct");
        signIn.asAdministrator();
        assertThat(app.currentUser()).containsText("admin@example.com");
        assertThat(app.currentUser()).containsText("App Administrator");
        window.shot("02-devices-empty");
    }

    /** A new device's connection information is shown with copy buttons; the list shows it registered. */
    private static String createADevice(BrowserWindow window, DeviceListPage devices) {
        DeviceListPage.CreatedDevice created = devices.create(DEVICE, "Thermostat (lobby)");
        String key = created.primaryKey();
        assertThat(key).isNotBlank();
        assertThat(created.connectionString())
                .hasValue("HostName=" + TestPlatform.HOST + ";DeviceId=" + DEVICE + ";SharedAccessKey=" + key);
        assertThat(created.idScope()).hasValue(platform.server().identity().idScope());
        window.shot("03-device-created");
        created.done();
        assertThat(devices.row(DEVICE)).isVisible();
        assertThat(devices.status(DEVICE)).hasText("Registered");
        window.shot("04-device-list");
        return key;
    }

    /** A template in use cannot be deleted (409 explained); the device is deleted after a confirmation. */
    private static void assignATemplateThenDeleteTheDevice(BrowserWindow window, DevicePage device) {
        device.overview().assignTemplate("dtmi:com:example:Thermostat;1");
        ConfirmDialog deleteTemplate = device.openTemplate("Thermostat").delete();
        deleteTemplate.confirm("Delete");
        assertThat(deleteTemplate.error()).containsText("Devices still use this template");
        deleteTemplate.cancel();
        window.page().goBack();
        assertThat(device.templateLink("Thermostat")).hasAttribute("title", "dtmi:com:example:Thermostat;1");

        ConfirmDialog deleteDevice = device.delete();
        window.shot("10-delete-confirmation");
        deleteDevice.confirm("Delete");
        assertThat(DeviceListPage.shown(window.page()).noDevices()).isVisible();
        assertThat(platform.rest().get("/devices/" + DEVICE).status()).isEqualTo(404);
    }

    /** Other pages, the dark theme and a tablet width. */
    private static void visitOtherPages(BrowserWindow window, AppShell app) {
        app.go("API tokens");
        assertThat(app.heading("API tokens")).isVisible();
        window.shot("11-api-tokens");
        app.go("Users");
        assertThat(window.page().getByText("admin@example.com").first()).isVisible();
        app.switchToDarkTheme();
        window.shot("12-users-dark");
        window.page().setViewportSize(820, 1180);
        app.go("Devices");
        window.shot("13-devices-tablet-dark");
    }

    /** Telemetry appears live on the chart, in the server's list of series and in a history window. */
    private static void watchTelemetry(BrowserWindow window, TelemetryTab telemetry, TestDevice device) {
        assertThat(telemetry.noTelemetry()).isVisible();
        for (int i = 0; i < 12; i++) {
            device.sendTelemetry("{\"temperature\": " + (20 + i * 0.5) + ", \"humidity\": " + (40 + i) + "}")
                    .join();
        }
        device.sendTelemetry("not json {").join();
        Locator chart = telemetry.liveChart("temperature");
        assertThat(chart).isVisible(LONG);
        assertThat(chart.getByTestId("latest")).hasText("25.5", new LocatorAssertions.HasTextOptions()
                .setTimeout(20_000));
        assertThat(chart.locator("canvas")).isVisible();
        assertThat(telemetry.liveChart("humidity")).isVisible();
        // The server's list of the device's series: without a template, everything is unmodeled
        Locator humidity = telemetry.series("humidity");
        assertThat(humidity.getByTestId("modeled")).hasText("Unmodeled", new LocatorAssertions.HasTextOptions()
                .setTimeout(20_000));
        assertThat(humidity).containsText("51");
        window.shot("06-telemetry-live");

        // The same telemetry in a history window, read back from the server's telemetry store
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.rest()
                .get("/devices/" + DEVICE + "/telemetry/temperature/history").ok().path("points").size() == 12);
        telemetry.showLast("30 minutes");
        Locator history = telemetry.historyChart("temperature");
        assertThat(history.getByTestId("history-summary")).hasText("12 points");
        assertThat(history.locator("canvas")).isVisible();
        assertThat(history.locator(".chart")).hasAttribute("data-points", "12");
        assertThat(telemetry.historyChart("humidity")).isVisible();
        window.shot("06b-telemetry-history-30-minutes");
        telemetry.showCustom("2020-01-02T00:00", "2020-01-01T00:00");
        assertThat(telemetry.error()).containsText("start must be before the end");
        telemetry.showLive();
        assertThat(chart.getByTestId("latest")).hasText("25.5");
    }

    /** The raw messages, the malformed one marked; reopened, the page reads them back from the server. */
    private static void readRawData(BrowserWindow window, RawDataTab raw) {
        assertThat(raw.firstError()).containsText("not valid JSON");
        window.shot("07-raw-data");
        window.page().reload();
        assertThat(raw.firstError()).containsText("not valid JSON", timeout(20_000));
        assertThat(raw.messagesWith("\"humidity\": 51")).hasCount(1);
        assertThat(raw.event("Connected")).isVisible();
    }

    /** A writable property is pending until the device acknowledges it. */
    private static void setAProperty(BrowserWindow window, PropertiesTab properties, TestDevice device) {
        properties.send("targetTemperature", "23.5");
        assertThat(properties.state("targetTemperature")).containsText("Pending");
        Mqtt3Publish desired = awaitMessage(device, "$iothub/twin/PATCH/properties/desired/");
        JsonNode patch = Json.parse(new String(desired.getPayloadAsBytes(), StandardCharsets.UTF_8));
        assertThat(patch.path("targetTemperature").asDouble()).isEqualTo(23.5);
        long version = patch.has("$version") ? patch.get("$version").asLong() : version(desired.getTopic().toString());
        device.publish("$iothub/twin/PATCH/properties/reported/?$rid=1", "{\"targetTemperature\":{\"value\":23.5,"
                + "\"ac\":200,\"av\":" + version + ",\"ad\":\"applied\"}}");
        assertThat(properties.state("targetTemperature")).containsText("Accepted", timeout(20_000));
        assertThat(properties.reported("targetTemperature")).hasText("23.5");
        window.shot("08-properties-accepted");
    }

    /** A command runs on the device and its answer is shown. */
    private static void runACommand(BrowserWindow window, CommandsTab commands, TestDevice device) {
        commands.call("reboot", "{\"delay\": 2}");
        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> {
            Mqtt3Publish call = awaitMessage(device, "$iothub/methods/POST/reboot/");
            Matcher rid = RID.matcher(call.getTopic().toString());
            assertThat(rid.find()).isTrue();
            device.publish("$iothub/methods/res/200/?$rid=" + rid.group(1), "{\"status\":\"rebooting\",\"in\":2}");
        });
        commands.run();
        answer.join();
        assertThat(commands.response()).containsText("rebooting", timeout(20_000));
        assertThat(commands.response()).containsText("200");
        window.shot("09-command-response");
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
    private static void importATemplate(BrowserWindow window, TemplatesPage templates) {
        refuseABrokenModel(window, templates);
        String thermostat;
        try {
            thermostat = Files.readString(Path.of("../testdata/dtdl/dtmi/com/example/thermostat-1.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        templates.retryImport(thermostat);
        TemplatePage template = TemplatePage.shown(window.page(), "Thermostat");
        Locator capabilities = template.capabilities("Default component");
        assertThat(template.capability("Default component", "targetTemperature")).containsText("writable");
        assertThat(capabilities).containsText("getMaxMinReport");
        assertThat(capabilities).containsText("temperature");

        // Cloud properties are edited through PATCH
        template.addCloudProperty("customerName", "Customer");
        assertThat(template.cloudProperties()).containsText("customerName");
        window.page().evaluate("window.scrollTo(0, 0)");
        window.shot("02c-template");

        template.backToTemplates();
        assertThat(templates.row("dtmi:com:example:Thermostat;1")).containsText("Thermostat");

        // A changed model under a published id is refused: a new version needs a new id
        templates.importModel(thermostat.replaceFirst("\"double\"", "\"float\""));
        assertThat(templates.error()).containsText("give the new version a new id");
        assertThat(templates.error()).containsText("dtmi:com:example:Thermostat;2");
        templates.cancelImport();
    }

    /** A model with a DTDL error shows the error at its pointer, its line highlighted. */
    private static void refuseABrokenModel(BrowserWindow window, TemplatesPage templates) {
        templates.importModel("""
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
        assertThat(templates.firstProblem()).containsText("/contents/0/schema");
        assertThat(templates.firstProblem()).containsText("Line 10");
        assertThat(templates.badLine()).containsText("doubel");
        window.shot("02b-template-errors");
    }
}
