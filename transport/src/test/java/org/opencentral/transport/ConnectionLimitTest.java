package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-wide connection cap: connections beyond it are closed at once, the others are served. */
class ConnectionLimitTest {
    @Test
    void connectionsBeyondTheLimitAreClosed(@TempDir Path dir) throws Exception {
        try (TestPlatform platform = TestPlatform.start(dir, 2);
                TestMqttDevice first = platform.connect(platform.createDevice("capped-1"));
                TestMqttDevice second = platform.connect(platform.createDevice("capped-2"))) {
            assertThat(platform.server.connectionCount()).isEqualTo(2);
            try (Socket third = new Socket("127.0.0.1", platform.mqttPort())) {
                third.setSoTimeout(5_000);
                InputStream in = third.getInputStream();
                assertThat(in.read()).as("the server closes the third connection").isEqualTo(-1);
            }
            assertThat(platform.server.connectionCount()).isEqualTo(2);
        }
    }
}
