package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.server.testkit.RestClient;

/**
 * Device groups in a real browser against a real node: an operator builds a filter condition by
 * condition, sees the number of matching devices and the devices change as it is built, is shown
 * where a hand-written filter is wrong, saves the group, and finds it on a member's page.
 */
@Timeout(180)
class DeviceGroupsTest extends BrowserTest {
    private static final String PUMP = "dtmi:com:example:ui:GroupPump;1";

    private static RestClient rest;

    @BeforeAll
    static void devices() {
        rest = platform.rest();
        rest.put("/deviceTemplates/" + PUMP.replace(";", "%3B"), "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],"
                + "\"displayName\":\"Group pump\",\"capabilityModel\":{\"@id\":\"dtmi:com:example:ui:GroupPumpModel;1\","
                + "\"@type\":\"Interface\",\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"flow\","
                + "\"schema\":\"double\"}]}}").ok();
        rest.put("/devices/pump-1", Map.of("displayName", "Pump one", "template", PUMP, "simulated", true)).ok();
        rest.put("/devices/pump-2", Map.of("displayName", "Pump two", "template", PUMP)).ok();
        rest.put("/devices/valve-1", Map.of("displayName", "Valve one", "simulated", true)).ok();
    }

    @Test
    void anOperatorBuildsAGroupWatchingTheMatchesAndFindsItOnAMembersPage() {
        try (BrowserWindow window = session.signedIn(platform.http())
                .expectFailure("GET", "/api/deviceGroupPreview", 400)) {
            GroupEditorPage editor = GroupEditorPage.create(window.page());
            editor.assertMatches("3 devices match");

            editor.identify("simulated-pumps", "Simulated pumps");
            editor.addCondition();
            editor.condition(1, "Template", "equals", "Group pump (" + PUMP + ")");
            editor.assertMatches("2 devices match");
            editor.addCondition();
            editor.condition(2, "Simulated", "equals", "true");
            editor.assertMatches("1 device matches");
            assertThat(editor.matchingDevices()).containsText("Pump one");
            assertThat(editor.filterText()).hasValue("SELECT * FROM devices WHERE $template = \"" + PUMP
                    + "\" AND $simulated = true");
            assertThat(Axe.seriousViolations(editor.page)).isEmpty();
            DeviceJourneyTest.shot(editor.page, "50-device-group-builder");

            assertThat(editor.refusedPreviews).as("a condition not filled in yet is left out of the filter").isEmpty();
            editor.filterText().fill("SELECT * FROM devices WHERE $simulated = 'yes'");
            assertThat(editor.filterError()).containsText("at 1:29");
            assertThat(editor.refusedPreviews).hasSize(1);
            editor.condition(2, "Simulated", "equals", "true");
            editor.assertMatches("1 device matches");
            editor.save();

            Page page = editor.page;
            assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Device groups")))
                    .containsText("Simulated pumps");
            assertThat(rest.get("/deviceGroups/simulated-pumps/devices").ok().at("/value/0/id").asText())
                    .isEqualTo("pump-1");

            page.navigate("/devices/pump-1");
            assertThat(page.getByTestId("device-groups")).containsText("Simulated pumps");
            page.navigate("/devices/pump-2");
            assertThat(page.getByText("This device is in no device group.")).isVisible();
        }
    }

    /** The device group editor, as an operator uses it; {@code refusedPreviews} are the previews answered 400. */
    private record GroupEditorPage(Page page, List<String> refusedPreviews) {
        static GroupEditorPage create(Page page) {
            List<String> refused = new CopyOnWriteArrayList<>();
            page.onResponse(response -> {
                if (response.url().contains("/api/deviceGroupPreview") && response.status() == 400) {
                    refused.add(response.url());
                }
            });
            page.navigate("/groups");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("+ New group")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New device group")))
                    .isVisible();
            return new GroupEditorPage(page, refused);
        }

        void identify(String id, String name) {
            page.getByLabel("Group ID").fill(id);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        }

        void addCondition() {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ Add condition")).click();
        }

        void condition(int n, String field, String operator, String value) {
            page.getByLabel("Field " + n, new Page.GetByLabelOptions().setExact(true)).selectOption(field);
            page.getByLabel("Operator " + n, new Page.GetByLabelOptions().setExact(true)).selectOption(operator);
            Locator input = page.getByLabel("Value " + n, new Page.GetByLabelOptions().setExact(true));
            if ("select".equals(input.evaluate("e => e.tagName.toLowerCase()"))) {
                input.selectOption(value);
            } else {
                input.fill(value);
            }
        }

        void assertMatches(String text) {
            assertThat(page.getByTestId("match-count")).hasText(text);
        }

        Locator matchingDevices() {
            return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Matching devices"));
        }

        Locator filterText() {
            return page.getByLabel("Filter (device query)");
        }

        Locator filterError() {
            return page.getByTestId("filter-error");
        }

        void save() {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save group")).click();
        }
    }
}
