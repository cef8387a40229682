package org.opencentral.server.testkit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.opencentral.platform.security.SasToken;

/**
 * A device speaking the IoT Hub MQTT protocol through a real, independent MQTT client (HiveMQ's),
 * over TLS trusting the platform's CA, or over plain MQTT.
 */
public final class TestDevice implements AutoCloseable {
    private final String id;
    private final String key;
    private final Mqtt3AsyncClient client;
    private final List<Mqtt3Publish> received = new CopyOnWriteArrayList<>();

    private TestDevice(String id, String key, Mqtt3AsyncClient client) {
        this.id = id;
        this.key = key;
        this.client = client;
    }

    /** A device that will connect over MQTT/TLS to {@code platform}. */
    public static TestDevice overTls(TestPlatform platform, String id, String key) {
        Mqtt3ClientBuilder builder = Mqtt3Client.builder().identifier(id).serverHost(TestPlatform.HOST)
                .serverPort(platform.mqttsPort())
                .sslConfig().trustManagerFactory(trusting(platform.server().tls().caCertificate())).applySslConfig();
        return new TestDevice(id, key, builder.buildAsync());
    }

    /** A device that will connect over plain MQTT (loopback) to {@code port}. */
    public static TestDevice plain(int port, String id, String key) {
        return new TestDevice(id, key, MqttClient.builder().useMqttVersion3().identifier(id)
                .serverHost(TestPlatform.HOST).serverPort(port).buildAsync());
    }

    /** Connects with a SAS token valid for an hour, as the Java SDK builds it. */
    public Mqtt3ConnAck connect() {
        String token = SasToken.sign(TestPlatform.HOST + "/devices/" + id, key, Instant.now().getEpochSecond() + 3600);
        return client.connectWith().cleanSession(true).keepAlive(60)
                .simpleAuth().username(TestPlatform.HOST + "/" + id + "/?api-version=2021-04-12")
                .password(token.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send().orTimeout(15, TimeUnit.SECONDS).join();
    }

    /** Publishes telemetry with QoS 1; the future completes when the platform acknowledged it. */
    public CompletableFuture<?> sendTelemetry(String json) {
        return client.publishWith().topic("devices/" + id + "/messages/events/").qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Subscribes to a topic filter and collects what arrives. */
    public void subscribe(String filter) {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(received::add).send()
                .orTimeout(15, TimeUnit.SECONDS).join();
    }

    public List<Mqtt3Publish> received() {
        return received;
    }

    public void publish(String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_MOST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8))
                .send().orTimeout(15, TimeUnit.SECONDS).join();
    }

    public boolean isConnected() {
        return client.getState().isConnected();
    }

    @Override
    public void close() {
        if (client.getState().isConnected()) {
            client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    private static TrustManagerFactory trusting(X509Certificate ca) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("opencentral-ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
