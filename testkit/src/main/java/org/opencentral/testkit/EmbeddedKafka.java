package org.opencentral.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (broker and controller in one process, KRaft mode) from the Maven
 * artifact, in this JVM: {@link #start} formats a storage directory as {@code kafka-storage format}
 * would and starts {@link KafkaRaftServer} on free loopback ports. {@link #stop} and {@link #restart}
 * take it down and bring it back on the same ports and data, as an outage would. Topics are created
 * on first use with {@value #PARTITIONS} partitions; {@link #records} reads one back whole.
 */
public final class EmbeddedKafka implements AutoCloseable {
    public static final int PARTITIONS = 4;

    private final Properties properties;
    private final int port;
    private KafkaRaftServer server;

    private EmbeddedKafka(Properties properties, int port) {
        this.properties = properties;
        this.port = port;
    }

    /** Formats {@code directory} (created if missing) and starts the broker. */
    public static EmbeddedKafka start(Path directory) {
        int[] ports = FreePorts.distinct(2);
        int port = ports[0];
        int controller = ports[1];
        String logs = directory.toAbsolutePath().toString();
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logs);
        properties.put("num.partitions", String.valueOf(PARTITIONS));
        properties.put("auto.create.topics.enable", "true");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        try {
            Files.createDirectories(directory);
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1).setClusterId(Uuid.randomUuid().toString()).setDirectories(List.of(logs))
                    .setMetadataLogDirectory(logs).setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES).run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka storage in " + directory, e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(properties, port);
        kafka.restart();
        return kafka;
    }

    /** {@code host:port} of the broker's listener. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Shuts the broker down (its data stays); clients see a refused connection until {@link #restart}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again on the same ports and data (or for the first time). */
    public synchronized void restart() {
        if (server == null) {
            server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            server.startup();
        }
    }

    /** Every record of {@code topic} now in the log: each partition in its order, one partition after another. */
    public List<ConsumerRecord<String, String>> records(String topic) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers(),
                "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class,
                "enable.auto.commit", false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, List<ConsumerRecord<String, String>>> read = new LinkedHashMap<>();
            partitions.forEach(p -> read.put(p, new ArrayList<>()));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.get(
                        new TopicPartition(r.topic(), r.partition())).add(r));
            }
            return read.values().stream().flatMap(List::stream).toList();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
