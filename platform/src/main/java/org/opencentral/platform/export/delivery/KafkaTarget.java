package org.opencentral.platform.export.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opencentral.core.export.EventHubsDestination;
import org.opencentral.core.export.KafkaDestination;

/**
 * The topic and producer configuration of a destination reached with the Kafka protocol: an
 * idempotent producer of string keys and byte values with {@code acks=all} (no duplicates or reordering from the producer's own
 * retries), 10 s to find the cluster or a request's answer and 30 s for a record to be delivered
 * (the webhook's timeout). One request in flight per broker, each partition's records gathered for
 * up to 10 ms into batches of up to 256 KiB: a request that fails is retried before any later one is
 * sent, so a device's records keep their order even where an idempotent producer with several
 * requests in flight loses it (a partition the broker has only just opened refusing the first request
 * and taking the next, KAFKA-15591); with the batches that large, one request carries what several
 * did (the embedded broker's CPU per message was lower in every run measured, BENCHMARKS.md). {@code eventhubs@v1} maps to Event Hubs' Kafka endpoint:
 * {@code {namespace}:9093}, SASL/PLAIN over TLS with user {@code $ConnectionString} and the
 * connection string as password, and the {@code EntityPath} as topic.
 *
 * @param where the cluster and topic, for error messages (never a secret)
 */
public record KafkaTarget(String topic, Map<String, Object> config, String where) {
    public KafkaTarget {
        config = Map.copyOf(config);
    }

    public static KafkaTarget of(KafkaDestination destination) {
        Map<String, Object> config = producer(destination.id(), String.join(",", destination.bootstrapServers()));
        if (destination.sasl().isPresent()) {
            KafkaDestination.Sasl sasl = destination.sasl().get();
            config.putAll(plain(destination.tls() ? "SASL_SSL" : "SASL_PLAINTEXT", sasl.username(), sasl.password()));
        } else {
            config.put("security.protocol", destination.tls() ? "SSL" : "PLAINTEXT");
        }
        return new KafkaTarget(destination.topic(), config, "Kafka topic '" + destination.topic() + "' at "
                + String.join(",", destination.bootstrapServers()));
    }

    public static KafkaTarget of(EventHubsDestination destination) {
        Map<String, Object> config = producer(destination.id(), destination.bootstrapServer());
        config.putAll(plain("SASL_SSL", "$ConnectionString", destination.connectionString()));
        return new KafkaTarget(destination.eventHub(), config, "event hub '" + destination.eventHub() + "' at "
                + destination.bootstrapServer());
    }

    private static Map<String, Object> producer(String destinationId, String bootstrapServers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("client.id", "opencentral-export-" + destinationId);
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("max.block.ms", 10_000);
        config.put("request.timeout.ms", 10_000);
        config.put("delivery.timeout.ms", 30_000);
        config.put("linger.ms", 10);
        config.put("batch.size", 256 * 1024);
        config.put("max.in.flight.requests.per.connection", 1);
        config.put("key.serializer", StringSerializer.class);
        config.put("value.serializer", ByteArraySerializer.class);
        return config;
    }

    private static Map<String, Object> plain(String protocol, String username, String password) {
        return Map.of("security.protocol", protocol, "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + quoted(username) + "\" password=\"" + quoted(password) + "\";");
    }

    /** A JAAS option value between double quotes: backslashes and quotes escaped. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Names the cluster and topic only: the configuration holds the password. */
    @Override
    public String toString() {
        return where;
    }
}
