package org.opencentral.platform.export.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.opencentral.core.export.EventHubsDestination;
import org.opencentral.core.export.KafkaDestination;

/**
 * The producer configurations of Kafka-protocol destinations, as the Kafka client itself parses
 * them: {@code eventhubs@v1} connection strings map to Event Hubs' Kafka endpoint (no real Event Hubs
 * here), {@code kafka@v1} to its own cluster with or without TLS and SASL/PLAIN.
 */
class KafkaTargetTest {
    private static final String CONNECTION = "Endpoint=sb://contoso-ns.servicebus.windows.net/;"
            + "SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0\"key\\=;EntityPath=iot-telemetry";

    @Test
    void anEventHubsConnectionStringBecomesSaslPlainOverTlsToTheNamespacesKafkaEndpoint() {
        KafkaTarget target = KafkaTarget.of(new EventHubsDestination("hub", "Hub", CONNECTION));
        ProducerConfig config = new ProducerConfig(target.config());

        assertThat(target.topic()).isEqualTo("iot-telemetry");
        assertThat(config.getList("bootstrap.servers")).containsExactly("contoso-ns.servicebus.windows.net:9093");
        assertThat(config.getString("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(config.getString("sasl.mechanism")).isEqualTo("PLAIN");
        assertThat(login(config)).containsEntry("username", "$ConnectionString").containsEntry("password", CONNECTION);
        assertThat(config.getString("acks")).isEqualTo("-1");
        assertThat(config.getBoolean("enable.idempotence")).isTrue();
        assertThat(target.toString()).isEqualTo("event hub 'iot-telemetry' at contoso-ns.servicebus.windows.net:9093")
                .doesNotContain("c2VjcmV0");
    }

    @Test
    void aKafkaDestinationUsesItsClusterWithSaslPlainAndTlsOnlyWhenAsked() {
        ProducerConfig plain = new ProducerConfig(KafkaTarget.of(new KafkaDestination("k", "K",
                List.of("a.example.com:9092", "b.example.com:9092"), "iot", Optional.empty(), false)).config());
        assertThat(plain.getList("bootstrap.servers")).containsExactly("a.example.com:9092", "b.example.com:9092");
        assertThat(plain.getString("security.protocol")).isEqualTo("PLAINTEXT");
        assertThat(plain.getPassword("sasl.jaas.config")).isNull();

        ProducerConfig tls = new ProducerConfig(KafkaTarget.of(new KafkaDestination("k", "K",
                List.of("a.example.com:9093"), "iot", Optional.empty(), true)).config());
        assertThat(tls.getString("security.protocol")).isEqualTo("SSL");

        ProducerConfig sasl = new ProducerConfig(KafkaTarget.of(new KafkaDestination("k", "K",
                List.of("a.example.com:9093"), "iot", Optional.of(new KafkaDestination.Sasl("iot", "p\"w")), true))
                .config());
        assertThat(sasl.getString("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(login(sasl)).containsEntry("username", "iot").containsEntry("password", "p\"w");
        assertThat(new ProducerConfig(KafkaTarget.of(new KafkaDestination("k", "K", List.of("a.example.com:9092"),
                "iot", Optional.of(new KafkaDestination.Sasl("iot", "pw")), false)).config())
                .getString("security.protocol")).isEqualTo("SASL_PLAINTEXT");
    }

    @Test
    void batchesInFlightKeepTheirOrderPerPartition() {
        ProducerConfig config = new ProducerConfig(KafkaTarget.of(new KafkaDestination("k", "K",
                List.of("a.example.com:9092"), "iot", Optional.empty(), false)).config());
        assertThat(config.getBoolean("enable.idempotence")).as("the broker drops a retried request's duplicates")
                .isTrue();
        assertThat(config.getInt("max.in.flight.requests.per.connection"))
                .as("one request in flight: a retried request goes before any later one, even to a partition "
                        + "the broker has just opened (KAFKA-15591)")
                .isEqualTo(1);
        assertThat(KafkaSender.IN_FLIGHT).as("the pipe's batches in flight, all through the one producer")
                .isGreaterThan(1);
    }

    /** The options of the JAAS login the client would use. */
    private static Map<String, Object> login(ProducerConfig config) {
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(config.values()).configurationEntries();
        assertThat(entries).singleElement().extracting(AppConfigurationEntry::getLoginModuleName)
                .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule");
        return Map.copyOf(entries.getFirst().getOptions());
    }
}
