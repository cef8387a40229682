package org.opencentral.platform.export.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencentral.core.Json;

/**
 * A real HTTP receiver on a free port: records every message it accepts with the request's query,
 * headers and exact body bytes; while {@link #down()} it answers 503 and keeps nothing, and it refuses the messages of the
 * devices it was told to {@link #refuse}.
 */
final class WebhookReceiver implements AutoCloseable {
    record Received(ObjectNode message, String query, String authorization, String tag, String signature,
            byte[] body) {
    }

    private final HttpServer server;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 503;
            List<ObjectNode> messages = messages(body);
            if (up.get() && messages.stream().noneMatch(m -> refused.contains(m.path("deviceId").asText()))) {
                requests.incrementAndGet();
                messages.forEach(message -> received.add(new Received(message, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("X-Tag"),
                        exchange.getRequestHeaders().getFirst("X-OpenCentral-Signature"), body)));
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    void down() {
        up.set(false);
    }

    void up() {
        up.set(true);
    }

    /** Answers 503 to the messages of {@code deviceId} (and accepts the others) until {@link #accept}. */
    void refuse(String deviceId) {
        refused.add(deviceId);
    }

    void accept(String deviceId) {
        refused.remove(deviceId);
    }

    /** A body's messages: the object, or the array's objects (a batched webhook); one request refused refuses them all. */
    private static List<ObjectNode> messages(byte[] body) {
        com.fasterxml.jackson.databind.JsonNode parsed = Json.parse(body);
        if (parsed instanceof ObjectNode message) {
            return List.of(message);
        }
        List<ObjectNode> messages = new java.util.ArrayList<>();
        parsed.forEach(m -> messages.add((ObjectNode) m));
        return messages;
    }

    /** How many requests were accepted. */
    int requests() {
        return requests.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
