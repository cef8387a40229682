package org.opencentral.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.opencentral.core.Json;
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
    private final java.util.Set<Mqtt3Publish> consumed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger requestIds = new java.util.concurrent.atomic.AtomicInteger();

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
        return connect("");
    }

    /** Connects announcing a Plug and Play model id ({@code model-id} in the username), as PnP devices do. */
    public Mqtt3ConnAck connectAnnouncing(String modelId) {
        return connect("&model-id=" + URLEncoder.encode(modelId, StandardCharsets.UTF_8));
    }

    /**
     * Connects with a keep-alive of {@code keepAliveSeconds}: the client pings after that long without
     * writing and drops the connection when the ping goes unanswered; the server drops it after one and
     * a half times that long without reading.
     */
    public Mqtt3ConnAck connectWithKeepAlive(int keepAliveSeconds) {
        return connect("", keepAliveSeconds);
    }

    private Mqtt3ConnAck connect(String usernameSuffix) {
        return connect(usernameSuffix, 60);
    }

    private Mqtt3ConnAck connect(String usernameSuffix, int keepAliveSeconds) {
        String token = SasToken.sign(TestPlatform.HOST + "/devices/" + id, key, Instant.now().getEpochSecond() + 3600);
        return client.connectWith().cleanSession(true).keepAlive(keepAliveSeconds)
                .simpleAuth().username(TestPlatform.HOST + "/" + id + "/?api-version=2021-04-12" + usernameSuffix)
                .password(token.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send().orTimeout(15, TimeUnit.SECONDS).join();
    }

    /** Publishes telemetry with QoS 1; the future completes when the platform acknowledged it. */
    public CompletableFuture<?> sendTelemetry(String json) {
        return client.publishWith().topic("devices/" + id + "/messages/events/").qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Publishes telemetry of a component (the {@code $.sub} property, as PnP devices send it), QoS 1. */
    public CompletableFuture<?> sendTelemetry(String component, String json) {
        return client.publishWith().topic("devices/" + id + "/messages/events/%24.sub="
                        + URLEncoder.encode(component, StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Subscribes to twin responses and desired-property patches (the SDKs' twin subscription). */
    public void subscribeToTwin() {
        subscribe("$iothub/twin/res/#");
        subscribe("$iothub/twin/PATCH/properties/desired/#");
    }

    /** Reads the twin ({@code {"desired":…,"reported":…}}); needs {@link #subscribeToTwin()}. */
    public JsonNode getTwin() {
        String rid = Integer.toString(requestIds.incrementAndGet());
        publish("$iothub/twin/GET/?$rid=" + rid, "");
        return Json.parse(awaitResponse(rid, "200").getPayloadAsBytes());
    }

    /** Patches reported properties and waits for the 204; returns the new reported version. */
    public long reportProperties(String json) {
        String rid = Integer.toString(requestIds.incrementAndGet());
        publish("$iothub/twin/PATCH/properties/reported/?$rid=" + rid, json);
        String topic = awaitResponse(rid, "204").getTopic().toString();
        return Long.parseLong(topic.substring(topic.indexOf("$version=") + "$version=".length()));
    }

    /** Waits for the next desired-property patch not yet returned by this method. */
    public JsonNode awaitDesiredPatch() {
        Mqtt3Publish patch = await(p -> p.getTopic().toString().startsWith("$iothub/twin/PATCH/properties/desired/")
                && consumed.add(p));
        return Json.parse(patch.getPayloadAsBytes());
    }

    private Mqtt3Publish awaitResponse(String rid, String status) {
        Mqtt3Publish response = await(p -> p.getTopic().toString().startsWith("$iothub/twin/res/")
                && p.getTopic().toString().contains("$rid=" + rid));
        String topic = response.getTopic().toString();
        if (!topic.startsWith("$iothub/twin/res/" + status + "/")) {
            throw new AssertionError("expected twin status " + status + " but got " + topic);
        }
        return response;
    }

    private Mqtt3Publish await(java.util.function.Predicate<Mqtt3Publish> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (Mqtt3Publish publish : received) {
                if (wanted.test(publish)) {
                    return publish;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("nothing arrived in 15 s; received " + received.size() + " messages");
    }

    /** Subscribes to a topic filter and collects what arrives. */
    public void subscribe(String filter) {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(received::add).send()
                .orTimeout(15, TimeUnit.SECONDS).join();
    }

    /**
     * Answers every direct method with status 200 and {@code {}} after {@code delay}, telling
     * {@code onCall} the method's name when it arrives.
     */
    public void answerMethods(java.time.Duration delay, java.util.function.Consumer<String> onCall) {
        client.subscribeWith().topicFilter("$iothub/methods/POST/#").qos(MqttQos.AT_MOST_ONCE).callback(request -> {
            String topic = request.getTopic().toString();
            String method = topic.substring("$iothub/methods/POST/".length(), topic.indexOf("/?"));
            String rid = topic.substring(topic.indexOf("$rid=") + "$rid=".length());
            onCall.accept(method);
            java.util.concurrent.CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(
                    () -> client.publishWith().topic("$iothub/methods/res/200/?$rid=" + rid)
                            .qos(MqttQos.AT_MOST_ONCE).payload("{}".getBytes(StandardCharsets.UTF_8)).send());
        }).send().orTimeout(15, TimeUnit.SECONDS).join();
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
