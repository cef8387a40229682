package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;

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
        publishTemplate(PUMP, "Group pump", FLOW);
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
            assertThat(Axe.seriousViolations(editor.page())).isEmpty();
            window.shot("50-device-group-builder");

            assertThat(editor.refusedPreviews()).as("a condition not filled in yet is left out of the filter").isEmpty();
            editor.filterText().fill("SELECT * FROM devices WHERE $simulated = 'yes'");
            assertThat(editor.filterError()).containsText("at 1:29");
            assertThat(editor.refusedPreviews()).hasSize(1);
            editor.condition(2, "Simulated", "equals", "true");
            editor.assertMatches("1 device matches");
            assertThat(editor.save()).containsText("Simulated pumps");
            assertThat(rest.get("/deviceGroups/simulated-pumps/devices").ok().at("/value/0/id").asText())
                    .isEqualTo("pump-1");

            assertThat(DevicePage.open(window.page(), "pump-1").groups()).containsText("Simulated pumps");
            assertThat(DevicePage.open(window.page(), "pump-2").inNoGroup()).isVisible();
        }
    }
}
