package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.platform.ingest.MessageSizeLimit;
import org.opencentral.platform.session.DeviceSession.Subscription;

/**
 * Devices over AMQPS, driven by a raw Proton-J client: a device proves itself with a SAS token on
 * $cbs, then sends telemetry (accepted once stored) and receives cloud-to-device messages whose
 * dispositions settle them; bad tokens, other devices' addresses and oversize messages are refused
 * while the connection keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmqpDeviceTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    TestPlatform platform;

    @BeforeAll
    void start(@TempDir Path dir) {
        platform = TestPlatform.start(dir);
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    private Device newDevice() {
        return platform.createDevice("amqp-device-" + IDS.incrementAndGet());
    }

    private TestAmqpDevice connect() throws Exception {
        return new TestAmqpDevice(platform.amqpsPort(), platform.certificate.cert());
    }

    private static String events(Device device) {
        return "/devices/" + device.id() + "/messages/events";
    }

    @Test
    void telemetryWithPropertiesIsAcceptedOnceItIsInTheEventLog() throws Exception {
        Device device = newDevice();
        try (TestAmqpDevice client = connect()) {
            assertThat(client.putToken(device.id().value(), TestPlatform.validToken(device))).isEqualTo(200);
            Sender sender = client.sender(events(device));

            DeliveryState outcome = client.sendTelemetry(sender, "{\"temperature\":21.5}".getBytes(StandardCharsets.UTF_8),
                    Map.of("alert", "high"));

            assertThat(outcome).isInstanceOf(Accepted.class);
            assertThat(platform.telemetryOf(device)).singleElement().satisfies(event -> {
                assertThat(event.applicationProperties()).containsEntry("alert", "high");
                assertThat(new String(event.body(), StandardCharsets.UTF_8)).isEqualTo("{\"temperature\":21.5}");
            });
        }
    }

    @Test
    void aBadTokenIsRefusedAndOpensNoLink() throws Exception {
        Device device = newDevice();
        try (TestAmqpDevice client = connect()) {
            String forged = TestPlatform.validToken(device).replaceFirst("sig=[^&]+", "sig=AAAA");
            assertThat(client.putToken(device.id().value(), forged)).isEqualTo(401);
            String expired = TestPlatform.token(device, Instant.now().minus(Duration.ofMinutes(1)));
            assertThat(client.putToken(device.id().value(), expired)).isEqualTo(401);

            Sender sender = client.sender(events(device));
            assertThat(TestAmqpDevice.remoteError(sender)).isEqualTo("amqp:unauthorized-access");
        }
    }

    @Test
    void theConnectionClosesWhenTheDevicesTokenExpires() throws Exception {
        Device device = newDevice();
        try (TestAmqpDevice client = connect()) {
            String shortLived = TestPlatform.token(device, Instant.now().plusSeconds(3));
            assertThat(client.putToken(device.id().value(), shortLived)).isEqualTo(200);
            Sender sender = client.sender(events(device));
            assertThat(sender.getRemoteState()).isEqualTo(EndpointState.ACTIVE);

            assertThat(client.awaitConnectionClosed()).isEqualTo("amqp:unauthorized-access");
        }
    }

    @Test
    void aDeviceCannotAttachToAnotherDevicesAddress() throws Exception {
        Device device = newDevice();
        Device other = newDevice();
        try (TestAmqpDevice client = connect()) {
            assertThat(client.putToken(device.id().value(), TestPlatform.validToken(device))).isEqualTo(200);

            Sender foreign = client.sender(events(other));
            Receiver foreignInbox = client.receiver("/devices/" + other.id() + "/messages/deviceBound", 1);

            assertThat(TestAmqpDevice.remoteError(foreign)).isEqualTo("amqp:unauthorized-access");
            assertThat(TestAmqpDevice.remoteError(foreignInbox)).isEqualTo("amqp:unauthorized-access");
            Sender own = client.sender(events(device));
            assertThat(client.sendTelemetry(own, "{}".getBytes(StandardCharsets.UTF_8), Map.of()))
                    .isInstanceOf(Accepted.class);
            assertThat(platform.telemetryOf(other)).isEmpty();
        }
    }

    @Test
    void anOversizeMessageIsRejectedAndTheLinkGoesOn() throws Exception {
        Device device = newDevice();
        try (TestAmqpDevice client = connect()) {
            assertThat(client.putToken(device.id().value(), TestPlatform.validToken(device))).isEqualTo(200);
            Sender sender = client.sender(events(device));

            DeliveryState tooLarge = client.sendTelemetry(sender, new byte[MessageSizeLimit.DEFAULT_BYTES + 1], Map.of());

            assertThat(tooLarge).isInstanceOfSatisfying(Rejected.class, rejected ->
                    assertThat(rejected.getError().getCondition().toString()).isEqualTo("amqp:link:message-size-exceeded"));
            assertThat(client.sendTelemetry(sender, "{\"n\":1}".getBytes(StandardCharsets.UTF_8), Map.of()))
                    .isInstanceOf(Accepted.class);
            assertThat(platform.telemetryOf(device)).singleElement()
                    .satisfies(event -> assertThat(event.body()).hasSize(7));
        }
    }

    @Test
    void cloudToDeviceMessagesAreCompletedOrRejectedByTheirDisposition() throws Exception {
        Device device = newDevice();
        platform.cloudToDevice.send(device.id(), "first".getBytes(StandardCharsets.UTF_8), Map.of("kind", "a"),
                Duration.ofHours(1));
        platform.cloudToDevice.send(device.id(), "second".getBytes(StandardCharsets.UTF_8), Map.of("kind", "b"),
                Duration.ofHours(1));
        try (TestAmqpDevice client = connect()) {
            assertThat(client.putToken(device.id().value(), TestPlatform.validToken(device))).isEqualTo(200);
            Receiver inbox = client.receiver("/devices/" + device.id() + "/messages/deviceBound", 1);

            TestAmqpDevice.Received first = client.awaitMessage(inbox);
            assertThat(first.body()).isEqualTo("first");
            assertThat(first.message().getApplicationProperties().getValue()).containsEntry("kind", "a");
            client.dispose(first.delivery(), Accepted.getInstance());
            inbox.flow(1);
            TestAmqpDevice.Received second = client.awaitMessage(inbox);
            assertThat(second.body()).isEqualTo("second");
            client.dispose(second.delivery(), new Rejected());
        }
        await().untilAsserted(() -> assertThat(platform.cloudToDevice.receive(device.id(), Duration.ofSeconds(5)))
                .isEmpty());
    }

    @Test
    void aMessageQueuedWhileTheLinkIsAttachedIsPushedAtOnce() throws Exception {
        Device device = newDevice();
        try (TestAmqpDevice client = connect()) {
            assertThat(client.putToken(device.id().value(), TestPlatform.validToken(device))).isEqualTo(200);
            Receiver inbox = client.receiver("/devices/" + device.id() + "/messages/deviceBound", 1);
            await().until(() -> platform.sessions.find(device.id())
                    .filter(session -> session.isSubscribed(Subscription.CLOUD_TO_DEVICE)).isPresent());

            // the link found the queue empty; only the platform's push (not the next recheck, a
            // minute away) can bring this within the client's wait
            platform.cloudToDevice.send(device.id(), "now".getBytes(StandardCharsets.UTF_8), Map.of(),
                    Duration.ofHours(1));
            TestAmqpDevice.Received pushed = client.awaitMessage(inbox);
            assertThat(pushed.body()).isEqualTo("now");
            client.dispose(pushed.delivery(), Accepted.getInstance());
        }
    }

    @Test
    void aReleasedMessageIsDeliveredAgain() throws Exception {
        Device device = newDevice();
        platform.cloudToDevice.send(device.id(), "again".getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ofHours(1));
        try (TestAmqpDevice client = connect()) {
            assertThat(client.putToken(device.id().value(), TestPlatform.validToken(device))).isEqualTo(200);
            Receiver inbox = client.receiver("/devices/" + device.id() + "/messages/deviceBound", 1);
            client.dispose(client.awaitMessage(inbox).delivery(),
                    org.apache.qpid.proton.amqp.messaging.Released.getInstance());
            inbox.flow(1);

            assertThat(client.awaitMessage(inbox).body()).isEqualTo("again");
            assertThat(inbox.getRemoteState()).isEqualTo(EndpointState.ACTIVE);
        }
    }
}
