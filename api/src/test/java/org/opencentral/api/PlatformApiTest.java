package org.opencentral.api;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.platform.security.BuiltInRole;

/**
 * The start shared by the API tests: a fresh platform per test (real stores in a temporary
 * directory, {@link TestPlatform}) and an App Administrator client {@link #admin}. Subclasses add
 * their own set-up in a {@code @BeforeEach} of another name; it runs after this one.
 */
abstract class PlatformApiTest {
    @TempDir
    Path dir;
    TestPlatform platform;
    Http admin;

    @BeforeEach
    void startPlatform() {
        platform = new TestPlatform(dir);
        admin = new Http(platform.port, platform.token("admin", BuiltInRole.APP_ADMINISTRATOR));
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }
}
