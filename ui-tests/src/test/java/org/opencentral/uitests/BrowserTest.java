package org.opencentral.uitests;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opencentral.core.Json;
import org.opencentral.testkit.TestPlatform;

/**
 * A browser test class: a real node ({@link TestPlatform}) and one Chromium ({@link BrowserSession})
 * that trusts the node's certificate authority (tests open {@code platform.http()} on loopback or
 * {@code platform.https()}, the HTTPS port),
 * started before the class's own set-up (JUnit runs a superclass's {@code @BeforeAll} first) and
 * closed after its tear-down. Test classes run one after another, so the fields belong to one class
 * at a time.
 */
abstract class BrowserTest {
    private static final Path MODELS = Path.of("../testdata/dtdl/dtmi");
    /** The DTDL contents of a pump: one telemetry {@code flow} (a double). */
    static final String FLOW = "{\"@type\":\"Telemetry\",\"name\":\"flow\",\"schema\":\"double\"}";

    static TestPlatform platform;
    static BrowserSession session;

    @BeforeAll
    static void startPlatformAndBrowser() {
        Chromium.chromium();
        platform = TestPlatform.start();
        session = BrowserSession.start(List.of(platform.server().tls().caCertificate(),
                platform.server().tls().serverCertificate()));
    }

    @AfterAll
    static void closeBrowserAndPlatform() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            session = null;
            if (platform != null) {
                platform.close();
            }
            platform = null;
        }
    }

    /** Publishes the DTDL model in {@code file} (under {@code testdata/dtdl/dtmi}) as the template {@code id}. */
    static void publishTemplate(String id, String file) {
        ObjectNode body = Json.object();
        body.putArray("@type").add("ModelDefinition").add("DeviceModel");
        try {
            body.set("capabilityModel", Json.parse(Files.readString(MODELS.resolve(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        platform.rest().put("/deviceTemplates/" + URLEncoder.encode(id, StandardCharsets.UTF_8), body).ok();
    }

    /**
     * Publishes the template {@code id} named {@code displayName}, its model an interface (its
     * {@code @id} is {@code id}'s with {@code Model} before the version) holding {@code contents}: the
     * members of a JSON array of DTDL contents.
     */
    static void publishTemplate(String id, String displayName, String contents) {
        ObjectNode body = Json.object();
        body.putArray("@type").add("ModelDefinition").add("DeviceModel");
        body.put("displayName", displayName);
        ObjectNode model = body.putObject("capabilityModel");
        model.put("@id", id.replaceFirst(";(\\d+)$", "Model;$1"));
        model.put("@type", "Interface");
        model.set("contents", Json.parse("[" + contents + "]"));
        platform.rest().put("/deviceTemplates/" + URLEncoder.encode(id, StandardCharsets.UTF_8), body).ok();
    }
}
