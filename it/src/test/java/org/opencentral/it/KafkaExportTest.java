package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencentral.it.ExportDevices.range;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.testkit.EmbeddedKafka;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/**
 * A {@code kafka@v1} export on the running server to a real single-node Kafka (KRaft) in this JVM:
 * real MQTT devices' telemetry arrives as records keyed by device id with IoT Central's user
 * properties as headers, in order per device; with the broker stopped under load and started again,
 * every message arrives (duplicates allowed, order per device kept).
 */
@Timeout(300)
class KafkaExportTest {
    private static final String TOPIC = "iot-telemetry";

    @TempDir
    Path directory;
    private EmbeddedKafka kafka;
    private TestPlatform platform;
    private RestClient rest;

    @BeforeEach
    void start() {
        kafka = EmbeddedKafka.start(directory.resolve("kafka"));
        platform = TestPlatform.start();
        rest = platform.rest();
        rest.put("/dataExport/destinations/kafka", Map.of("displayName", "Kafka", "type", "kafka@v1",
                "bootstrapServers", List.of(kafka.bootstrapServers()), "topic", TOPIC)).ok();
        rest.put("/dataExport/exports/tel", Map.of("displayName", "Telemetry", "enabled", true,
                "source", "telemetry", "destinations", List.of(Map.of("id", "kafka")))).ok();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                rest.get("/dataExport/exports/tel").ok().path("status").asText()).isEqualTo("healthy"));
    }

    @AfterEach
    void stop() {
        platform.close();
        kafka.close();
    }

    @Test
    void mqttDevicesTelemetryArrivesKeyedByDeviceWithIotCentralHeadersInOrderPerDevice() {
        List<TestDevice> devices = ExportDevices.connect(platform, "kafka", 3);
        try {
            ExportDevices.send(devices, 0, 20);
        } finally {
            devices.forEach(TestDevice::close);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> kafka.records(TOPIC).size() >= 60);
        List<ConsumerRecord<String, String>> records = kafka.records(TOPIC);
        assertThat(records).hasSize(60);
        for (ConsumerRecord<String, String> record : records) {
            JsonNode message = Json.parse(record.value());
            assertThat(record.key()).isEqualTo(message.path("deviceId").asText()).startsWith("kafka-");
            assertThat(header(record, "iotcentral-device-id")).isEqualTo(record.key());
            assertThat(header(record, "iotcentral-message-source")).isEqualTo("telemetry");
            assertThat(header(record, "iotcentral-application-id")).isEqualTo(message.path("applicationId").asText())
                    .isNotEmpty();
            assertThat(record.headers().lastHeader("iotcentral-message-type")).as("telemetry has no type").isNull();
            assertThat(message.path("schema").asText()).isEqualTo("default@v1");
        }
        assertThat(records.stream().map(ConsumerRecord::partition).distinct().count())
                .as("devices spread over partitions").isGreaterThan(1);
        assertThat(sequences(records)).hasSize(3)
                .allSatisfy((device, sent) -> assertThat(sent).containsExactlyElementsOf(range(0, 20)));
    }

    @Test
    void withTheBrokerStoppedUnderLoadAndStartedAgainEveryMessageArrivesInOrderPerDevice() {
        List<TestDevice> devices = ExportDevices.connect(platform, "kafka", 4);
        try {
            ExportDevices.send(devices, 0, 50);
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.records(TOPIC).size() >= 200);

            kafka.stop();
            ExportDevices.send(devices, 50, 150);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    rest.get("/dataExport/destinations/kafka").ok().path("errors").toString())
                    .as("the pipe saw the outage").contains("deliveryFailed", TOPIC));
            ExportDevices.send(devices, 150, 200);
            kafka.restart();
        } finally {
            devices.forEach(TestDevice::close);
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> distinct(kafka.records(TOPIC)) >= 800);
        Map<String, List<Integer>> received = sequences(kafka.records(TOPIC));
        assertThat(received).hasSize(4).allSatisfy((device, sent) -> assertThat(new LinkedHashSet<>(sent))
                .as("every message, first arrivals in order").containsExactlyElementsOf(range(0, 200)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rest.get("/dataExport/destinations/kafka").ok().path("errors")).isEmpty());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Each device's received {@code n} in arrival order (records of a key share one partition). */
    private static Map<String, List<Integer>> sequences(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        records.forEach(r -> sequences.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(Json.parse(r.value()).at("/telemetry/n").asInt()));
        return sequences;
    }

    private static long distinct(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new LinkedHashSet<>();
        records.forEach(r -> seen.add(r.key() + "/" + Json.parse(r.value()).at("/telemetry/n").asInt()));
        return seen.size();
    }
}
