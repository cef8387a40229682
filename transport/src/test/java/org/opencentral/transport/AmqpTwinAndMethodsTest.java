package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.platform.command.CommandCall;
import org.opencentral.core.store.CommandOutcome;
import org.opencentral.core.store.CommandRecord;

/**
 * Direct methods and the twin over AMQPS, driven by a raw Proton-J client as IoT Hub's SDKs drive
 * them: a method request arrives on {@code /devices/{id}/methods/devicebound} with a UUID correlation
 * id and {@code IoThub-methodname}, its answer goes back with {@code IoThub-status}; twin requests
 * on {@code /devices/{id}/twin} carry an {@code operation} annotation and are answered with
 * {@code status} (and {@code version}) annotations; desired patches follow a {@code PUT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmqpTwinAndMethodsTest {
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

    private TestAmqpDevice connect(Device device) throws Exception {
        TestAmqpDevice client = new TestAmqpDevice(platform.amqpsPort(), platform.certificate.cert());
        assertThat(client.putToken(device.id().value(), TestPlatform.validToken(device))).isEqualTo(200);
        return client;
    }

    @Test
    void aDirectMethodRoundTripsThroughTheCommandService() throws Exception {
        Device device = platform.createDevice("amqp-method-" + IDS.incrementAndGet());
        try (TestAmqpDevice client = connect(device)) {
            String address = "/devices/" + device.id() + "/methods/devicebound";
            Receiver requests = client.receiver(address, 1);
            Sender responses = client.sender(address);
            CompletableFuture<CommandRecord> call = CompletableFuture.supplyAsync(() -> platform.commands.run(
                    new CommandCall(device.id(), "reboot", Json.parse("{\"delay\":5}"), 10, 10, "user:test")),
                    Executors.newVirtualThreadPerTaskExecutor());

            TestAmqpDevice.Received request = client.awaitMessage(requests);
            assertThat(request.message().getApplicationProperties().getValue()).containsEntry("IoThub-methodname", "reboot");
            assertThat(Json.parse(request.body()).get("delay").asInt()).isEqualTo(5);
            assertThat(request.message().getCorrelationId()).isInstanceOf(UUID.class);
            client.dispose(request.delivery(), Accepted.getInstance());
            Message response = message(request.message().getCorrelationId(), "{\"ok\":true}");
            response.setApplicationProperties(new ApplicationProperties(Map.of("IoThub-status", 201)));

            assertThat(client.sendMessage(responses, response)).isInstanceOf(Accepted.class);
            assertThat(call.orTimeout(10, TimeUnit.SECONDS).join().outcome())
                    .isEqualTo(new CommandOutcome.Answered(201, Json.parse("{\"ok\":true}")));
        }
    }

    @Test
    void theTwinIsReadPatchedAndItsDesiredPatchesArePushed() throws Exception {
        Device device = platform.createDevice("amqp-twin-" + IDS.incrementAndGet());
        try (TestAmqpDevice client = connect(device)) {
            String address = "/devices/" + device.id() + "/twin";
            Receiver answers = client.receiver(address, 10);
            Sender requests = client.sender(address);

            Message reported = twinRequest("PATCH", "/properties/reported", "{\"firmware\":\"1.4.2\"}");
            client.sendMessage(requests, reported);
            TestAmqpDevice.Received patched = client.awaitMessage(answers);
            assertThat(patched.message().getCorrelationId()).isEqualTo(reported.getCorrelationId());
            assertThat(annotations(patched)).containsEntry("status", 204).containsEntry("version", 2L);
            client.dispose(patched.delivery(), Accepted.getInstance());

            Message get = twinRequest("GET", null, "");
            client.sendMessage(requests, get);
            TestAmqpDevice.Received twin = client.awaitMessage(answers);
            assertThat(twin.message().getCorrelationId()).isEqualTo(get.getCorrelationId());
            assertThat(annotations(twin)).containsEntry("status", 200);
            assertThat(Json.parse(twin.body()).path("reported").path("firmware").asText()).isEqualTo("1.4.2");
            client.dispose(twin.delivery(), Accepted.getInstance());

            client.sendMessage(requests, twinRequest("PUT", "/notifications/twin/properties/desired", ""));
            client.dispose(client.awaitMessage(answers).delivery(), Accepted.getInstance());
            platform.twins.patchDesired(device.id(), Json.parseObject("{\"targetTemperature\":21.5}"));
            TestAmqpDevice.Received desired = client.awaitMessage(answers);
            assertThat(desired.message().getCorrelationId()).isNull();
            assertThat(annotations(desired)).containsEntry("version", 2L);
            assertThat(Json.parse(desired.body())).isEqualTo(Json.parse("{\"targetTemperature\":21.5,\"$version\":2}"));
        }
    }

    @Test
    void anUnknownTwinOperationIsAnsweredWithIotHubsErrorBody() throws Exception {
        Device device = platform.createDevice("amqp-twin-bad-" + IDS.incrementAndGet());
        try (TestAmqpDevice client = connect(device)) {
            String address = "/devices/" + device.id() + "/twin";
            Receiver answers = client.receiver(address, 10);
            Sender requests = client.sender(address);

            client.sendMessage(requests, twinRequest("PATCH", "/properties/desired", "{\"x\":1}"));

            TestAmqpDevice.Received answer = client.awaitMessage(answers);
            assertThat(annotations(answer)).containsEntry("status", 400);
            assertThat(Json.parse(answer.body()).path("message").asText()).contains("unknown twin operation 'PATCH'");
            assertThat(platform.twins.get(device.id()).reported().properties().size()).isZero();
        }
    }

    @Test
    void theDeviceIsConnectedFromItsFirstLinkUntilTheConnectionEnds() throws Exception {
        Device device = platform.createDevice("amqp-session-" + IDS.incrementAndGet());
        Device other = platform.createDevice("amqp-session-" + IDS.incrementAndGet());
        try (TestAmqpDevice client = connect(device)) {
            assertThat(TestAmqpDevice.remoteError(client.receiver("/devices/" + other.id() + "/twin", 1)))
                    .isEqualTo("amqp:unauthorized-access");
            assertThat(TestAmqpDevice.remoteError(client.sender("/devices/" + other.id() + "/methods/devicebound")))
                    .isEqualTo("amqp:unauthorized-access");
            assertThat(platform.sessions.find(device.id())).isEmpty();

            client.receiver("/devices/" + device.id() + "/methods/devicebound", 1);

            await().until(() -> platform.sessions.find(device.id()).isPresent());
            assertThat(platform.sessions.find(other.id())).isEmpty();
        }
        await().until(() -> platform.sessions.find(device.id()).isEmpty());
        await().untilAsserted(() -> assertThat(platform.connections.eventsOf(device.id()))
                .containsExactly("connected " + device.id(), "disconnected " + device.id() + ": client disconnect"));
    }

    private static Map<String, Object> annotations(TestAmqpDevice.Received received) {
        Map<String, Object> annotations = new HashMap<>();
        received.message().getMessageAnnotations().getValue().forEach((key, value) -> annotations.put(key.toString(), value));
        return annotations;
    }

    private static Message twinRequest(String operation, String resource, String body) {
        Message request = message(UUID.randomUUID(), body);
        Map<Symbol, Object> annotations = new HashMap<>(Map.of(Symbol.valueOf("operation"), operation));
        if (resource != null) {
            annotations.put(Symbol.valueOf("resource"), resource);
        }
        request.setMessageAnnotations(new MessageAnnotations(annotations));
        return request;
    }

    private static Message message(Object correlationId, String body) {
        Message message = Message.Factory.create();
        Properties properties = new Properties();
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setCorrelationId(correlationId);
        message.setProperties(properties);
        message.setBody(new Data(new Binary(body.getBytes(StandardCharsets.UTF_8))));
        return message;
    }
}
