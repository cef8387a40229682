package org.opencentral.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;

/**
 * The destination records check what the API reads into them (each refusal a 400 naming the member)
 * and keep their secrets out of {@code toString}, so a logged destination never shows one.
 */
class DestinationRecordsTest {
    private static final String CONNECTION = "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;"
            + "SharedAccessKey=the-key;EntityPath=telemetry";

    @Test
    void anEventHubsConnectionStringNamesTheNamespacesKafkaEndpointAndTheEventHub() {
        EventHubsDestination hub = new EventHubsDestination("hub", "Hub", CONNECTION);
        assertThat(hub.bootstrapServer()).isEqualTo("contoso.servicebus.windows.net:9093");
        assertThat(hub.eventHub()).isEqualTo("telemetry");
        assertThat(hub.toString()).contains("telemetry", "contoso.servicebus.windows.net").doesNotContain("the-key");

        refused(() -> new EventHubsDestination("hub", "Hub", CONNECTION.replace(";EntityPath=telemetry", "")),
                "needs 'EntityPath'");
        refused(() -> new EventHubsDestination("hub", "Hub", CONNECTION.replace("sb://", "https://")),
                "must be sb://");
        refused(() -> new EventHubsDestination("hub", "Hub", "Endpoint"), "not key=value");
    }

    @Test
    void kafkaServersAndTopicsAreCheckedAndTheSaslPasswordIsNotShown() {
        KafkaDestination kafka = new KafkaDestination("k", "K", List.of("kafka.example.com:9092"), "iot.telemetry",
                Optional.of(new KafkaDestination.Sasl("iot", "the-password")), true);
        assertThat(kafka.toString()).contains("iot.telemetry").doesNotContain("the-password");

        refused(() -> new KafkaDestination("k", "K", List.of(), "t", Optional.empty(), false), "'bootstrapServers'");
        refused(() -> new KafkaDestination("k", "K", List.of("kafka.example.com:99999"), "t", Optional.empty(), false),
                "is not host:port");
        refused(() -> new KafkaDestination("k", "K", List.of("kafka.example.com:9092"), "a topic", Optional.empty(),
                false), "'topic'");
    }

    @Test
    void aPostgresqlTableIsAnIdentifierAndThePasswordStaysOutOfTheUrlAndToString() {
        PostgresDestination table = new PostgresDestination("p", "P", "jdbc:postgresql://db/iot", "iot", "the-password",
                "exports.telemetry_1");
        assertThat(table.toString()).contains("exports.telemetry_1").doesNotContain("the-password");

        for (String name : List.of("1table", "a-b", "x; DROP TABLE y", "a.b.c", "\"quoted\"", "a".repeat(64))) {
            refused(() -> new PostgresDestination("p", "P", "jdbc:postgresql://db/iot", "iot", "pw", name),
                    "'table' must be an identifier");
        }
        refused(() -> new PostgresDestination("p", "P", "jdbc:postgresql://db/iot?password=x", "iot", "pw", "t"),
                "must not carry credentials");
        refused(() -> new PostgresDestination("p", "P", "jdbc:mysql://db/iot", "iot", "pw", "t"), "PostgreSQL JDBC URL");
    }

    @Test
    void aWebhookSigningSecretIsSixteenToTwoHundredFiftySixCharacters() {
        refused(() -> new WebhookDestination("w", "W", java.net.URI.create("https://example.com"), java.util.Map.of(),
                java.util.Map.of(), Optional.empty(), Optional.of("short")), "16 to 256 characters");
        assertThat(new WebhookDestination("w", "W", java.net.URI.create("https://example.com"), java.util.Map.of(),
                java.util.Map.of(), Optional.empty(), Optional.of("s".repeat(16))).signingSecret()).isPresent();
    }

    @Test
    void aWebhookBatchSizeIsOneToAThousandAndOneMeansAMessagePerRequest() {
        java.net.URI url = java.net.URI.create("https://example.com");
        for (int size : new int[] {0, -1, WebhookDestination.MAX_BATCH + 1}) {
            refused(() -> new WebhookDestination("w", "W", url, java.util.Map.of(), java.util.Map.of(), Optional.empty(),
                    Optional.empty(), size), "'batchSize' is 1 to 1000");
        }
        assertThat(new WebhookDestination("w", "W", url, java.util.Map.of(), java.util.Map.of(), Optional.empty())
                .batched()).isFalse();
        assertThat(new WebhookDestination("w", "W", url, java.util.Map.of(), java.util.Map.of(), Optional.empty(),
                Optional.empty(), 100).batched()).isTrue();
    }

    @Test
    void aBlobContainerFollowsAzuresNamingRuleAndTheConnectionStringIsNotShown() {
        String connection = "DefaultEndpointsProtocol=https;AccountName=iot;AccountKey=the-key;EndpointSuffix=core.windows.net";
        BlobStorageDestination blob = new BlobStorageDestination("b", "B", connection, "central-data");
        assertThat(blob.toString()).contains("central-data").doesNotContain("the-key");

        for (String name : List.of("ab", "Central", "a--b", "-ab", "ab-", "a_b", "a".repeat(64))) {
            refused(() -> new BlobStorageDestination("b", "B", connection, name), "'containerName'");
        }
        refused(() -> new BlobStorageDestination("b", "B", "AccountName=iot", "data"), "AccountKey");
        refused(() -> new BlobStorageDestination("b", "B", "just-a-key", "data"), "key=value");
    }

    @Test
    void aFolderPathStaysInsideTheExportDirectory() {
        assertThat(new FolderDestination("f", "F", "plant-1/telemetry").path()).isEqualTo("plant-1/telemetry");
        for (String path : List.of("/etc", "C:/x", "a\\b")) {
            refused(() -> new FolderDestination("f", "F", path), "relative path");
        }
        for (String path : List.of("..", "a/../../b", "a//b", "./a", "a/")) {
            refused(() -> new FolderDestination("f", "F", path), "segments");
        }
        refused(() -> new FolderDestination("f", "F", " "), "needs a 'path'");
    }

    private static void refused(Runnable create, String message) {
        assertThatThrownBy(create::run).isInstanceOf(DomainException.class).hasMessageContaining(message);
    }
}
