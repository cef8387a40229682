package org.opencentral.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.AuditRecorded;
import org.opencentral.core.event.PlatformEvent.CloudPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.DesiredPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.event.PlatformEvent.DeviceDisconnected;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.ReportedPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;
import org.opencentral.core.export.Enrichment;

/**
 * Every exported kind of event in IoT Central's {@code default@v1} format, enriched, against the
 * golden file {@code src/test/resources/export/default-v1.json}, and as a transform's input against
 * {@code transform-input.json}. Run with {@code -Dgolden.update=true}
 * to rewrite it, then review the diff.
 */
class ExportMessagesGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/export/default-v1.json");
    private static final Path INPUTS = Path.of("src/test/resources/export/transform-input.json");
    private static final Instant T = Instant.parse("2026-12-01T10:15:30.123456Z");
    private static final DeviceId THERMOSTAT = DeviceId.of("thermostat-1");
    private static final DeviceFacts FACTS = new DeviceFacts(Optional.of(Device.builder(THERMOSTAT)
            .displayName("Thermostat one").template("dtmi:contoso:Thermostat;1").provisioned().etag("\"e\"")
            .createdAt(T).organization("seattle").build()),
            Optional.of("Thermostat"), () -> new DeviceProperties(Json.parseObject("{\"firmware\":\"1.2\","
                    + "\"$version\":4,\"thermostat2\":{\"__t\":\"c\",\"targetTemperature\":19}}"),
                    Json.parseObject("{\"settings\":{\"__t\":\"c\",\"site\":\"A\"}}"),
                    Map.of("firmware", "dtmi:contoso:Thermostat:firmware;1", "temperature",
                            "dtmi:contoso:Thermostat:temperature;1", "thermostat1.temperature",
                            "dtmi:contoso:Thermostat:thermostat1:temperature;1")));
    private static final Map<String, Enrichment> ENRICHMENTS = enrichments();

    private final ExportMessages messages = new ExportMessages("app-1");

    private static Map<String, Enrichment> enrichments() {
        Map<String, Enrichment> enrichments = new LinkedHashMap<>();
        enrichments.put("site", new Enrichment(Optional.empty(), Optional.empty(), Optional.of(TextNode.valueOf("north"))));
        for (String path : List.of("$displayName", "$enabled", "$simulated", "$provisioned", "$templateDisplayName",
                "$organizations")) {
            enrichments.put(path.substring(1), new Enrichment(Optional.empty(), Optional.of(path), Optional.empty()));
        }
        Optional<String> template = Optional.of("dtmi:contoso:Thermostat;1");
        enrichments.put("firmware", new Enrichment(template, Optional.of("firmware"), Optional.empty()));
        enrichments.put("target", new Enrichment(template, Optional.of("targetTemperature"), Optional.empty()));
        enrichments.put("missing", new Enrichment(template, Optional.of("nothing"), Optional.empty()));
        return enrichments;
    }

    private static List<PlatformEvent> events() {
        ObjectNode reported = Json.parseObject("{\"temperature\":21.5,\"$version\":4,"
                + "\"thermostat2\":{\"__t\":\"c\",\"targetTemperature\":19}}");
        ObjectNode audit = Json.parseObject("{\"id\":\"7\",\"time\":\"2026-12-01T10:15:30.123Z\","
                + "\"actor\":\"user:admin@example.com\",\"action\":\"device.update\",\"target\":\"thermostat-1\","
                + "\"before\":{\"displayName\":\"old\"},\"after\":{\"displayName\":\"Thermostat one\"}}");
        return List.of(
                new TelemetryReceived(THERMOSTAT, T, Optional.of("thermostat1"), Map.of("alert", "high"),
                        Map.of("connectionModuleId", "sensor", "messageId", "m-1"),
                        "{\"temperature\":30.5,\"humidity\":40}".getBytes(StandardCharsets.UTF_8)),
                new TelemetryReceived(THERMOSTAT, T, Optional.empty(), Map.of(), Map.of(),
                        "not json".getBytes(StandardCharsets.UTF_8)),
                new ReportedPropertiesUpdated(THERMOSTAT, T, reported, 4),
                new DesiredPropertiesUpdated(THERMOSTAT, T, Json.parseObject("{\"targetTemperature\":22}"), 3),
                new CloudPropertiesUpdated(THERMOSTAT, T, Optional.of("settings"), Json.parseObject("{\"site\":\"A\"}")),
                new DeviceConnected(THERMOSTAT, T),
                new DeviceDisconnected(THERMOSTAT, T, "client disconnect"),
                new DeviceLifecycle(THERMOSTAT, T, DeviceLifecycle.Change.CREATED),
                new DeviceLifecycle(THERMOSTAT, T, DeviceLifecycle.Change.DELETED),
                new TemplateLifecycle("dtmi:contoso:Thermostat;1", T, TemplateLifecycle.Change.CREATED,
                        Optional.of("\"1\"")),
                new AuditRecorded(T, 7, audit));
    }

    @Test
    void everyExportedEventMatchesItsGoldenMessage() throws IOException {
        ArrayNode actual = Json.MAPPER.createArrayNode();
        events().forEach(event -> actual.add(enriched(event, ENRICHMENTS)));
        matchesGolden(actual, GOLDEN);
    }

    /** IoT Central's transform input of every message: {@code device}, telemetry and properties as lists with ids. */
    @Test
    void everyExportedEventsTransformInputMatchesItsGoldenFile() throws IOException {
        ArrayNode actual = Json.MAPPER.createArrayNode();
        events().forEach(event -> actual.add(TransformInput.of(enriched(event, Map.of("site", ENRICHMENTS.get("site"))),
                facts(event))));
        ObjectNode deleted = messages.message(new DeviceConnected(DeviceId.of("gone"), T), DeviceFacts.NONE);
        actual.add(TransformInput.of(deleted, DeviceFacts.NONE));
        matchesGolden(actual, INPUTS);
    }

    private static DeviceFacts facts(PlatformEvent event) {
        return event instanceof PlatformEvent.DeviceEvent ? FACTS : DeviceFacts.NONE;
    }

    private ObjectNode enriched(PlatformEvent event, Map<String, Enrichment> enrichments) {
        ObjectNode message = messages.message(event, facts(event));
        Enrichments.add(message, enrichments, facts(event));
        return message;
    }

    private static void matchesGolden(ArrayNode actual, Path golden) throws IOException {
        String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, text);
        }
        assertThat(text).isEqualTo(Files.readString(golden));
    }

    /**
     * A telemetry message written straight to bytes is byte for byte the tree's, for bodies of every
     * JSON shape; a body that is not one JSON object in UTF-8 is left to the tree.
     */
    @Test
    void telemetryWrittenStraightToBytesIsTheTreesBytes() {
        List<String> objects = List.of("{\"temperature\":30.5,\"humidity\":40}", "{}", " \n{ \"a\" : 1 }\t",
                "{\"a\":{\"b\":[1,2.5,\"x\",true,false,null,[]],\"c\":{}},\"s\":\"\u00e9\\\"\\\\\\n\\u0001\\u00e9\"}",
                "{\"big\":123456789012345678901234567890,\"neg\":-9223372036854775808,\"z\":-0}",
                "{\"e\":1e5,\"E\":1.0E2,\"t\":21.50,\"nz\":-0.0,\"small\":0.0001,\"large\":12345678.9,"
                        + "\"long\":0.1000000000000000055511151231257827}",
                "{\"a\":0.001,\"b\":0.01,\"c\":9999999.5,\"d\":1234567.12345678,\"e\":100.0,\"f\":-21.5,\"g\":0,"
                        + "\"h\":-0,\"i\":-7,\"j\":0.5,\"k\":123456789012345.6,\"l\":1.7976931348623157E308,"
                        + "\"m\":4.9E-324,\"n\":0.30000000000000004,\"o\":0.1e1,\"p\":0.0,\"q\":10000000.0,"
                        + "\"r\":0.0010,\"s\":999999.999999999,\"t\":0.00999999999999999}",
                randomNumbers(new java.util.Random(15)));
        for (String body : objects) {
            TelemetryReceived t = new TelemetryReceived(THERMOSTAT, T, Optional.of("thermostat1"), Map.of("alert", "high"),
                    Map.of("connectionModuleId", "sensor"), body.getBytes(StandardCharsets.UTF_8));
            assertThat(messages.telemetryJson(t, FACTS, Enrichments.of(ENRICHMENTS, FACTS)))
                    .as(body).hasValueSatisfying(json -> assertThat(new String(json, StandardCharsets.UTF_8))
                            .isEqualTo(Json.write(enriched(t, ENRICHMENTS))));
        }
        TelemetryReceived bare = new TelemetryReceived(THERMOSTAT, T, Optional.empty(), Map.of(), Map.of(),
                objects.getFirst().getBytes(StandardCharsets.UTF_8));
        ObjectNode unknown = messages.message(bare, DeviceFacts.NONE);
        Enrichments.add(unknown, Map.of(), DeviceFacts.NONE);
        assertThat(messages.telemetryJson(bare, DeviceFacts.NONE, Enrichments.of(Map.of(), DeviceFacts.NONE)))
                .hasValueSatisfying(json -> assertThat(new String(json, StandardCharsets.UTF_8))
                        .isEqualTo(Json.write(unknown)));
        List<byte[]> others = List.of("not json".getBytes(StandardCharsets.UTF_8), "[1,2]".getBytes(StandardCharsets.UTF_8),
                "42".getBytes(StandardCharsets.UTF_8), "{\"a\":1} x".getBytes(StandardCharsets.UTF_8),
                "{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8), "{\"a\":".getBytes(StandardCharsets.UTF_8),
                new byte[0], "{\"a\":1}".getBytes(StandardCharsets.UTF_16),
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'});
        for (byte[] body : others) {
            TelemetryReceived t = new TelemetryReceived(THERMOSTAT, T, Optional.empty(), Map.of(), Map.of(), body);
            assertThat(messages.telemetryJson(t, FACTS, Enrichments.of(ENRICHMENTS, FACTS))).as(new String(body,
                    StandardCharsets.UTF_8)).isEmpty();
        }
    }

    /** The enqueued time written digit by digit is the formatter's, for times from year 1 to 9999 and beyond. */
    @Test
    void enqueuedTimeIsTheFormattersText() {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(15);
        List<Instant> times = new java.util.ArrayList<>(List.of(T, Instant.EPOCH, Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-01T12:00:00.5Z")));
        for (int i = 0; i < 10_000; i++) {
            times.add(Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
                    random.nextInt(1_000_000_000)));
        }
        for (Instant time : times) {
            assertThat(ExportMessages.enqueuedTime(time)).as(time.toString()).isEqualTo(formatter.format(time));
        }
    }

    /** A body of 2,000 decimals of 1 to 17 digits with the point anywhere, some with exponents and trailing zeros. */
    private static String randomNumbers(java.util.Random random) {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 2000; i++) {
            StringBuilder digits = new StringBuilder();
            int length = 1 + random.nextInt(17);
            for (int d = 0; d < length; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String number = new java.math.BigDecimal(new java.math.BigInteger(digits.toString()), random.nextInt(length + 3))
                    .toPlainString();
            number = random.nextInt(10) == 0 ? number + "e" + (random.nextInt(9) - 4) : number;
            body.append(i == 0 ? "" : ",").append("\"n").append(i).append("\":").append(random.nextBoolean() ? "-" : "")
                    .append(number);
        }
        return body.append('}').toString();
    }

    @Test
    void aDeviceChangeOtherThanRegistrationOrDeletionHasNoSource() {
        assertThat(ExportMessages.source(new DeviceLifecycle(THERMOSTAT, T, DeviceLifecycle.Change.UPDATED))).isEmpty();
    }
}
