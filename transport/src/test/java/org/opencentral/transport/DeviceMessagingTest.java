package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.core.store.CommandOutcome;
import org.opencentral.core.store.CommandRecord;
import org.opencentral.platform.command.CommandCall;

/** Telemetry, twins, direct methods and cloud-to-device messages through a real server and real stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceMessagingTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    TestPlatform platform;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        platform = TestPlatform.start(dir);
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    private Device newDevice() {
        return platform.createDevice("device-" + IDS.incrementAndGet());
    }

    @Test
    void qos1TelemetryIsAcknowledgedOnceItIsInTheEventLog() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.publish("devices/" + device.id() + "/messages/events/%24.sub=thermostat1&%24.mid=m-1&%24.ct="
                    + "application%2Fjson&unit=celsius", "{\"temperature\":21.5}").join();

            List<PlatformEvent.TelemetryReceived> stored = platform.telemetryOf(device);
            assertThat(stored).singleElement().satisfies(t -> {
                assertThat(new String(t.body(), StandardCharsets.UTF_8)).isEqualTo("{\"temperature\":21.5}");
                assertThat(t.component()).contains("thermostat1");
                assertThat(t.systemProperties()).containsEntry("messageId", "m-1")
                        .containsEntry("contentType", "application/json");
                assertThat(t.applicationProperties()).isEqualTo(Map.of("unit", "celsius"));
            });
            assertThat(platform.meters.timer("opencentral_mqtt_ack_latency", "kind", "telemetry").count()).isPositive();
        }
    }

    @Test
    void qos0TelemetryIsStoredWithoutAcknowledgement() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.publish("devices/" + device.id() + "/messages/events/", "{}".getBytes(), MqttQoS.AT_MOST_ONCE).join();

            await().untilAsserted(() -> assertThat(platform.telemetryOf(device)).hasSize(1));
        }
    }

    @Test
    void twinGetAndReportedPatchRoundTripWithVersions() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            assertThat(client.subscribe("$iothub/twin/res/#")).containsExactly(1);

            client.publish("$iothub/twin/GET/?$rid=1", " ");
            TestMqttDevice.Received twin = client.awaitPublish(t -> t.startsWith("$iothub/twin/res/"));
            assertThat(twin.topic()).isEqualTo("$iothub/twin/res/200/?$rid=1");
            assertThat(Json.parse(twin.payload()).at("/reported/$version").asLong()).isEqualTo(1);

            client.publish("$iothub/twin/PATCH/properties/reported/?$rid=2&$version=1", "{\"fw\":\"1.2\"}");
            assertThat(client.awaitPublish(t -> t.startsWith("$iothub/twin/res/")).topic())
                    .isEqualTo("$iothub/twin/res/204/?$rid=2&$version=2");

            client.publish("$iothub/twin/GET/?$rid=3", "");
            JsonNode after = Json.parse(client.awaitPublish(t -> t.startsWith("$iothub/twin/res/")).payload());
            assertThat(after.at("/reported/fw").asText()).isEqualTo("1.2");
            assertThat(after.at("/reported/$version").asLong()).isEqualTo(2);
            await().untilAsserted(() -> assertThat(platform.events()).anyMatch(
                    e -> e instanceof PlatformEvent.ReportedPropertiesUpdated r && r.deviceId().equals(device.id())
                            && r.version() == 2));
        }
    }

    @Test
    void invalidReportedPatchGetsA400WithAnIotHubErrorBody() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.subscribe("$iothub/twin/res/#");

            client.publish("$iothub/twin/PATCH/properties/reported/?$rid=9", "{not json");

            TestMqttDevice.Received error = client.awaitPublish(t -> t.startsWith("$iothub/twin/res/"));
            assertThat(error.topic()).isEqualTo("$iothub/twin/res/400/?$rid=9");
            assertThat(Json.parse(error.payload()).get("errorCode").asInt()).isEqualTo(400004);
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void twinRequestsAreAnsweredInOrder() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.subscribe("$iothub/twin/res/#");
            for (int i = 1; i <= 20; i++) {
                client.publish("$iothub/twin/PATCH/properties/reported/?$rid=" + i, "{\"n\":" + i + "}");
            }
            for (int i = 1; i <= 20; i++) {
                assertThat(client.awaitPublish(t -> t.startsWith("$iothub/twin/res/")).topic())
                        .isEqualTo("$iothub/twin/res/204/?$rid=" + i + "&$version=" + (i + 1));
            }
        }
    }

    @Test
    void desiredPatchIsPushedToASubscribedDevice() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.subscribe("$iothub/twin/PATCH/properties/desired/#");

            platform.twins.patchDesired(device.id(), Json.parseObject("{\"targetTemperature\":21.3}"));

            TestMqttDevice.Received patch = client.awaitPublish(t -> t.contains("desired"));
            assertThat(patch.topic()).isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=2");
            assertThat(Json.parse(patch.payload())).isEqualTo(Json.parse("{\"targetTemperature\":21.3,\"$version\":2}"));
        }
    }

    @Test
    void directMethodRoundTripThroughCommandService() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            CompletableFuture<CommandRecord> call = CompletableFuture.supplyAsync(() -> platform.commands.run(
                    new CommandCall(device.id(), "reboot", Json.parse("{\"delay\":5}"), 10, 10, "user:test")),
                    Executors.newVirtualThreadPerTaskExecutor());
            client.subscribe("$iothub/methods/POST/#");

            TestMqttDevice.Received request = client.awaitPublish(t -> t.startsWith("$iothub/methods/POST/"));
            assertThat(request.topic()).startsWith("$iothub/methods/POST/reboot/?$rid=");
            assertThat(request.qos()).isEqualTo(MqttQoS.AT_MOST_ONCE);
            assertThat(Json.parse(request.payload()).get("delay").asInt()).isEqualTo(5);
            String rid = request.topic().substring(request.topic().indexOf("$rid=") + 5);

            client.publish("$iothub/methods/res/201/?$rid=" + rid, "{\"ok\":true}".getBytes(), MqttQoS.AT_MOST_ONCE);

            CommandRecord record = call.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
            assertThat(record.outcome()).isEqualTo(new CommandOutcome.Answered(201, Json.parse("{\"ok\":true}")));
        }
    }

    @Test
    void cloudToDeviceMessageQueuedOfflineIsDeliveredOnSubscribeAndRemovedOnPuback() {
        Device device = newDevice();
        C2dMessage queued = platform.cloudToDevice.send(device.id(), "hello".getBytes(),
                Map.of("method-name", "reboot now"), Duration.ofHours(1));
        try (TestMqttDevice client = platform.connect(device)) {
            assertThat(client.subscribe("devices/" + device.id() + "/messages/devicebound/#")).containsExactly(1);

            TestMqttDevice.Received message = client.awaitPublish(t -> t.contains("/messages/devicebound/"));
            assertThat(message.qos()).isEqualTo(MqttQoS.AT_LEAST_ONCE);
            assertThat(message.text()).isEqualTo("hello");
            assertThat(message.topic()).startsWith("devices/" + device.id() + "/messages/devicebound/")
                    .contains("%24.mid=" + queued.messageId(), "method-name=reboot%20now",
                            "%24.to=%2Fdevices%2F" + device.id() + "%2Fmessages%2Fdevicebound");
            assertThat(platform.state.c2d().countPending(device.id(), java.time.Instant.now())).isEqualTo(1);

            client.puback(message);

            await().untilAsserted(() ->
                    assertThat(platform.state.c2d().countPending(device.id(), java.time.Instant.now())).isZero());
        }
    }

    @Test
    void cloudToDeviceMessageSentWhileSubscribedIsDeliveredOnce() throws Exception {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.subscribe("devices/" + device.id() + "/messages/devicebound/#");
            platform.cloudToDevice.send(device.id(), "one".getBytes(), Map.of(), Duration.ofHours(1));
            TestMqttDevice.Received first = client.awaitPublish(t -> t.contains("/devicebound/"));

            platform.cloudToDevice.deliverPending(platform.sessions.find(device.id()).orElseThrow());

            assertThat(client.poll(Duration.ofMillis(300))).as("not sent again while in flight").isEmpty();
            client.puback(first);
        }
    }
}
