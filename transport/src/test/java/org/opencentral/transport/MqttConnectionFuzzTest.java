package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;
import org.opencentral.transport.internal.pipeline.CloseReason;

/**
 * Coverage-guided fuzzing (Jazzer) of the MQTT endpoint through the real pipeline: each input is
 * the bytes one TCP connection sends to a running {@link MqttServer} (plain listener; the MQTT
 * decoder, the connect handler, the session with its topic table, twin, method and telemetry
 * paths, the exception tail). {@link #beforeConnect} sends them as they are (CONNECT and whatever
 * a device sends first); {@link #session} sends them after a valid CONNECT of a registered device,
 * so they reach the session as sequences of PUBLISH, SUBSCRIBE, PUBACK, PINGREQ and DISCONNECT.
 *
 * <p>Documented behaviour: a malformed packet, a refused CONNECT, a forbidden topic and the like
 * close the connection with their own reason (the codec's {@code DecoderException} is a malformed
 * packet). The property: the server answers or closes within 10 seconds, and it never closes a
 * connection for an {@link CloseReason#INTERNAL_ERROR}, the exception tail's reason for any other
 * exception (logged at WARN with its stack trace). Seeds: {@code MqttConnectionFuzzTestInputs/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttConnectionFuzzTest {
    private static final int ANSWER_SECONDS = 10;
    private TestPlatform platform;
    private byte[] connect;

    @BeforeAll
    void start(@TempDir Path dir) {
        platform = TestPlatform.start(dir);
        Device device = platform.createDevice("fuzz-1");
        connect = encode(MqttMessageBuilders.connect().clientId("fuzz-1").username(TestPlatform.username(device))
                .password(TestPlatform.token(device, Instant.now().plus(Duration.ofDays(7)))
                        .getBytes(StandardCharsets.UTF_8))
                .protocolVersion(MqttVersion.MQTT_3_1_1).keepAlive(60).build());
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    @FuzzTest
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void beforeConnect(byte[] input) throws IOException {
        exchange(input, false);
    }

    @FuzzTest
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void session(byte[] input) throws IOException {
        exchange(input, true);
    }

    /** Sends {@code input} on a new connection (after a CONNECT if asked), then waits for the server to close it. */
    private void exchange(byte[] input, boolean connected) throws IOException {
        double internalErrors = disconnects(CloseReason.INTERNAL_ERROR).count();
        double closed = closedConnections();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), platform.mqttPort())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(ANSWER_SECONDS));
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (connected) {
                out.write(connect);
                assertThat(in.readNBytes(4)).as("CONNACK accepted").containsExactly(0x20, 0x02, 0x00, 0x00);
            }
            out.write(input);
            socket.shutdownOutput();
            in.transferTo(OutputStream.nullOutputStream());
        } catch (SocketTimeoutException hang) {
            throw new AssertionError("the server neither answered nor closed the connection within "
                    + ANSWER_SECONDS + " s", hang);
        } catch (IOException closedByTheServer) {
            // a reset while writing or reading: the server closed first, which is an answer
        }
        await().atMost(Duration.ofSeconds(ANSWER_SECONDS)).pollInSameThread().pollInterval(Duration.ofMillis(1))
                .until(() -> closedConnections() > closed);
        assertThat(disconnects(CloseReason.INTERNAL_ERROR).count())
                .as("connections closed for an unexpected exception (see the WARN 'unexpected error' above)")
                .isEqualTo(internalErrors);
    }

    private Counter disconnects(CloseReason reason) {
        return platform.meters.counter("opencentral_mqtt_disconnects", "reason", reason.tag());
    }

    private double closedConnections() {
        return platform.meters.find("opencentral_mqtt_disconnects").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static byte[] encode(Object message) {
        EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
        encoder.writeOutbound(message);
        ByteBuf bytes = encoder.readOutbound();
        try {
            return ByteBufUtil.getBytes(bytes);
        } finally {
            bytes.release();
            encoder.finishAndReleaseAll();
        }
    }
}
