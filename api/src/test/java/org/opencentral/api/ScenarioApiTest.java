package org.opencentral.api;

import org.junit.jupiter.api.BeforeEach;

/**
 * The start shared by the API tests that run against {@link Scenario}: {@link PlatformApiTest}'s
 * fresh platform and App Administrator client, the scenario built. Subclasses add their own set-up
 * in a {@code @BeforeEach} of another name; it runs after this one.
 */
abstract class ScenarioApiTest extends PlatformApiTest {
    @BeforeEach
    void buildScenario() {
        Scenario.build(platform);
    }
}
