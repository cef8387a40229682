package org.opencentral.api;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.platform.security.BuiltInRole;

/**
 * The start shared by the API tests that run against {@link Scenario}: a fresh platform (real
 * stores in a temporary directory, serving device templates) per test, the scenario built, and an
 * App Administrator client {@link #admin}. Subclasses add their own set-up in a {@code @BeforeEach}
 * of another name; it runs after this one.
 */
abstract class ScenarioApiTest {
    @TempDir
    Path dir;
    TestPlatform platform;
    Http admin;

    @BeforeEach
    void startScenario() {
        platform = new TestPlatform(dir, ApiConfig.of("127.0.0.1", 0, TestPlatform.ID_SCOPE));
        Scenario.build(platform);
        admin = new Http(platform.port, platform.token("admin", BuiltInRole.APP_ADMINISTRATOR));
    }

    @AfterEach
    void stopScenario() {
        platform.close();
    }
}
